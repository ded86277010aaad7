using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices;

/// <summary>Turns one characteristic's notifications into samples, in arrival order. Not thread-safe: one per pipeline.</summary>
public interface IStreamDecoder
{
    /// <summary>Decodes <paramref name="notification"/> and hands its samples to <paramref name="output"/>; returns why it does not decode instead.</summary>
    DecodeError? Decode(in GattNotification notification, ISampleSink output);
}
