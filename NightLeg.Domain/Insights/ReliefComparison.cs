namespace NightLeg.Domain.Insights;

/// <summary>One relief step against the others: how long cramps lasted and how soon sleep came back. Immutable.</summary>
/// <param name="Step">The guidance step's id (see <c>ReliefGuidance</c>).</param>
/// <param name="WithCramps">Confirmed cramps where it was used.</param>
/// <param name="WithDuration">Their median duration, when known.</param>
/// <param name="WithBackToSleep">Their median time until asleep again, when known.</param>
/// <param name="WithoutCramps">Confirmed cramps where it was not used.</param>
/// <param name="WithoutDuration">Their median duration.</param>
/// <param name="WithoutBackToSleep">Their median time until asleep again.</param>
/// <param name="Enough">True when both sides have enough cramps (<see cref="WhatHelps.MinimumCrampsEachSide"/>) to show.</param>
public sealed record ReliefComparison(
    string Step,
    int WithCramps,
    TimeSpan? WithDuration,
    TimeSpan? WithBackToSleep,
    int WithoutCramps,
    TimeSpan? WithoutDuration,
    TimeSpan? WithoutBackToSleep,
    bool Enough);
