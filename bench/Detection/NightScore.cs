namespace NightLeg.Bench.Detection;

/// <summary>One night's score.</summary>
public sealed record NightScore(int Cramps, int CrampsFound, int LongBouts, int LongBoutsFound, int FalsePrompts, IReadOnlyList<double> LatenciesSeconds);
