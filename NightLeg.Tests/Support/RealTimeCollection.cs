namespace NightLeg.Tests.Support;

/// <summary>
/// Tests that wait on another process's real time (nightleg, Chromium, a dbus-daemon, mosquitto) run alone,
/// after the parallel ones, so that a busy two-core machine cannot starve them. Everything in this process
/// runs on a fake clock instead (<see cref="Architecture.TestClockTests"/> keeps it so).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "real time";
}
