namespace NightLeg.Sync.Simulation;

/// <summary>A cramp awakening. Immutable.</summary>
/// <param name="Onset">UTC instant the cramp woke the sleeper.</param>
/// <param name="CrampEnd">UTC instant the cramp let go.</param>
/// <param name="End">UTC instant the sleeper was asleep again.</param>
/// <param name="HeartRateRiseBpm">Heart-rate rise above the sleeping baseline.</param>
/// <param name="StoodUp">Whether the sleeper stood up to stretch.</param>
/// <param name="HeartRateDropout">Whether the optical heart rate read 0 during part of it.</param>
public sealed record CrampAwakening(DateTimeOffset Onset, DateTimeOffset CrampEnd, DateTimeOffset End, double HeartRateRiseBpm, bool StoodUp, bool HeartRateDropout);
