using NightLeg.Domain.Samples;

namespace NightLeg.Sync.Gatt.HeartRate;

/// <summary>A decoded Heart Rate Measurement (0x2A37). Immutable.</summary>
/// <param name="HeartRateBpm">Heart rate in beats per minute (0 = no reading).</param>
/// <param name="Contact">Sensor contact status from flags bits 1–2.</param>
/// <param name="EnergyExpendedKJ">Energy expended in kilojoules, when present.</param>
/// <param name="RrIntervalsMs">RR intervals in milliseconds (raw × 1000 / 1024, exact), oldest first.</param>
public sealed record HeartRateMeasurement(int HeartRateBpm, SensorContact Contact, int? EnergyExpendedKJ, IReadOnlyList<double> RrIntervalsMs);
