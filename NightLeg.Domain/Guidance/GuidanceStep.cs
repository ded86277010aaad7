namespace NightLeg.Domain.Guidance;

/// <summary>One step of relief guidance. Immutable. Its title and instruction are the app's words, found by <see cref="Id"/>.</summary>
/// <param name="Id">Stable id (what a log's "what helped" refers to, and the key of its words).</param>
/// <param name="Timer">How long to hold it, when it is timed.</param>
/// <param name="Source">Where the advice comes from.</param>
public sealed record GuidanceStep(string Id, TimeSpan? Timer, string Source);
