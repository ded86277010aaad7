using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Pipeline;

/// <summary>
/// Routes notifications to their decoders and hands the samples to a sink: the one path from bytes
/// to samples, shared by live sync, the simulated wearable and capture replay. The decoders are the
/// registered families' (<see cref="GattProfile"/>), one per characteristic, sharing this pipeline's
/// stream state through its <see cref="DecoderScope"/>. A notification that does not decode is
/// counted, reported through <see cref="InvalidNotification"/> and skipped.
/// Not thread-safe: feed it from one thread.
/// </summary>
public sealed class NotificationPipeline
{
    private readonly Dictionary<Guid, IStreamDecoder> _decoders = [];
    private readonly CountingSink _sink;
    private long _notifications;
    private long _invalid;
    private long _ignored;

    /// <summary>Creates a pipeline for NightLeg's registered families, feeding <paramref name="sink"/>.</summary>
    public NotificationPipeline(ISampleSink sink)
        : this(sink, DeviceFamilies.Default)
    {
    }

    /// <summary>Creates a pipeline decoding every characteristic of <paramref name="families"/>, feeding <paramref name="sink"/>.</summary>
    public NotificationPipeline(ISampleSink sink, DeviceFamilies families)
    {
        _sink = new CountingSink(sink);
        foreach (var profile in families.Streamed)
        {
            _decoders.TryAdd(profile.Characteristic, profile.CreateDecoder(Scope));
        }
    }

    /// <summary>Raised for every notification that does not decode, with the reason.</summary>
    public event Action<GattNotification, DecodeError>? InvalidNotification;

    /// <summary>The stream state the decoders share (such as <c>PmdStreams</c>), for status and tests.</summary>
    public DecoderScope Scope { get; } = new();

    /// <summary>Counts so far.</summary>
    public PipelineCounts Counts => new(_notifications, _sink.HeartRate, _sink.Motion, _invalid, _ignored);

    /// <summary>The last battery level seen, in percent.</summary>
    public int? BatteryPercent => _sink.BatteryPercent;

    /// <summary>Decodes one notification and passes on its samples.</summary>
    public void Process(in GattNotification notification)
    {
        _notifications++;
        if (notification.Payload.Length > GattNotification.MaxPayloadBytes)
        {
            Invalid(notification, new DecodeError(DecodeErrorKind.LengthMismatch,
                $"a notification carries at most {GattNotification.MaxPayloadBytes} bytes, got {notification.Payload.Length}"));
            return;
        }

        if (!_decoders.TryGetValue(notification.Characteristic, out var decoder))
        {
            _ignored++;
            return;
        }

        if (decoder.Decode(notification, _sink) is { } error)
        {
            Invalid(notification, error);
        }
    }

    private void Invalid(in GattNotification notification, DecodeError error)
    {
        _invalid++;
        InvalidNotification?.Invoke(notification, error);
    }

    /// <summary>Passes samples on, counting them and keeping the last battery level.</summary>
    private sealed class CountingSink(ISampleSink inner) : ISampleSink
    {
        public long HeartRate { get; private set; }

        public long Motion { get; private set; }

        public int? BatteryPercent { get; private set; }

        public void Add(HeartRateSample sample)
        {
            HeartRate++;
            inner.Add(sample);
        }

        public void Add(in MotionSample sample)
        {
            Motion++;
            inner.Add(sample);
        }

        public void AddBattery(DateTimeOffset at, int percent)
        {
            BatteryPercent = percent;
            inner.AddBattery(at, percent);
        }
    }
}
