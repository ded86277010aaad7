namespace NightLeg.Tests.Support;

/// <summary>
/// Tests that run on the real clock (the sync service at high speed, child processes) run alone,
/// after the parallel ones, so that a busy two-core machine cannot starve their timers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "real time";
}
