using NightLeg.Domain.Samples;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Battery;
using NightLeg.Sync.Gatt.HeartRate;

namespace NightLeg.Sync.Devices;

/// <summary>The Bluetooth SIG characteristics every family may stream: heart rate and battery.</summary>
public static class StandardProfiles
{
    /// <summary>Heart Rate Measurement 0x2A37: one heart-rate sample per notification, with its RR intervals and sensor contact.</summary>
    public static GattProfile HeartRate { get; } = GattProfile.Stateless("heart-rate", GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, HeartRateMeasurementDecoder.Decode,
        (n, m, sink) => sink.Add(new HeartRateSample(n.ReceivedAt, m.HeartRateBpm, m.RrIntervalsMs, m.Contact)),
        (j, m) =>
        {
            j.WriteNumber("heartRateBpm", m.HeartRateBpm);
            j.WriteString("sensorContact", m.Contact switch
            {
                SensorContact.Detected => "detected",
                SensorContact.NotDetected => "not-detected",
                _ => "unsupported",
            });
            if (m.EnergyExpendedKJ is { } energy)
            {
                j.WriteNumber("energyExpendedKJ", energy);
            }
            else
            {
                j.WriteNull("energyExpendedKJ");
            }

            j.WriteStartArray("rrIntervalsMs");
            foreach (var rr in m.RrIntervalsMs)
            {
                j.WriteNumberValue(rr);
            }

            j.WriteEndArray();
        });

    /// <summary>Battery Level 0x2A19, percent.</summary>
    public static GattProfile Battery { get; } = GattProfile.Stateless("battery", GattUuids.BatteryService, GattUuids.BatteryLevel, BatteryLevelDecoder.Decode,
        (n, percent, sink) => sink.AddBattery(n.ReceivedAt, percent),
        (j, percent) => j.WriteNumber("levelPercent", percent));
}
