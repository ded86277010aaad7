using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Battery;
using NightLeg.Sync.Gatt.HeartRate;
using NightLeg.Sync.Gatt.InfiniTime;
using NightLeg.Sync.Gatt.Polar;

namespace NightLeg.Sync.Pipeline;

/// <summary>
/// Routes notifications to their decoders and hands the samples to a sink: the one path from bytes
/// to samples, shared by live sync, the simulated wearable and capture replay. A notification that
/// does not decode is counted, reported through <see cref="InvalidNotification"/> and skipped.
/// Holds the per-stream state decoding needs (the PMD FACTOR and previous frame time). Not
/// thread-safe: feed it from one thread.
/// </summary>
public sealed class NotificationPipeline
{
    private const int PolarAccSampleRateHz = 52;
    private readonly ISampleSink _sink;
    private float _pmdFactor = 1.0f;
    private ulong? _previousPmdTimestamp;
    private long _notifications;
    private long _heartRate;
    private long _motion;
    private long _invalid;
    private long _ignored;

    /// <summary>Creates a pipeline feeding <paramref name="sink"/>.</summary>
    public NotificationPipeline(ISampleSink sink)
    {
        _sink = sink;
    }

    /// <summary>Raised for every notification that does not decode, with the reason.</summary>
    public event Action<GattNotification, DecodeError>? InvalidNotification;

    /// <summary>Counts so far.</summary>
    public PipelineCounts Counts => new(_notifications, _heartRate, _motion, _invalid, _ignored);

    /// <summary>The last battery level seen, in percent.</summary>
    public int? BatteryPercent { get; private set; }

    /// <summary>Decodes one notification and passes on its samples.</summary>
    public void Process(in GattNotification notification)
    {
        _notifications++;
        var uuid = notification.Characteristic;
        var payload = notification.Payload.Span;
        if (uuid == GattUuids.HeartRateMeasurement)
        {
            var result = HeartRateMeasurementDecoder.Decode(payload);
            if (!result.IsSuccess)
            {
                Invalid(notification, result.Error);
                return;
            }

            var m = result.Value;
            _heartRate++;
            _sink.Add(new HeartRateSample(notification.ReceivedAt, m.HeartRateBpm, m.RrIntervalsMs, m.Contact));
        }
        else if (uuid == GattUuids.InfiniTimeRawXyz)
        {
            var result = InfiniTimeMotionDecoder.DecodeRawXyz(payload);
            if (!result.IsSuccess)
            {
                Invalid(notification, result.Error);
                return;
            }

            _motion++;
            _sink.Add(new MotionSample(notification.ReceivedAt, result.Value.XG, result.Value.YG, result.Value.ZG));
        }
        else if (uuid == GattUuids.PolarPmdData)
        {
            ProcessPmdData(notification);
        }
        else if (uuid == GattUuids.PolarPmdControlPoint)
        {
            ProcessPmdControlPoint(notification);
        }
        else if (uuid == GattUuids.BatteryLevel)
        {
            var result = BatteryLevelDecoder.Decode(payload);
            if (result.IsSuccess)
            {
                BatteryPercent = result.Value;
            }
            else
            {
                Invalid(notification, result.Error);
            }
        }
        else if (uuid == GattUuids.InfiniTimeStepCount)
        {
            var result = InfiniTimeMotionDecoder.DecodeSteps(payload);
            if (!result.IsSuccess)
            {
                Invalid(notification, result.Error);
            }
        }
        else
        {
            _ignored++;
        }
    }

    private void ProcessPmdData(in GattNotification notification)
    {
        var result = PmdDataFrameDecoder.DecodeAcc(notification.Payload.Span, _pmdFactor, PolarAccSampleRateHz, _previousPmdTimestamp);
        if (!result.IsSuccess)
        {
            Invalid(notification, result.Error);
            return;
        }

        var frame = result.Value;
        _previousPmdTimestamp = frame.TimestampNs;

        // The sensor clock need not be set: place samples relative to when the frame arrived.
        foreach (var sample in frame.Samples)
        {
            var age = TimeSpan.FromTicks((long)((frame.TimestampNs - sample.TimestampNs) / 100));
            _motion++;
            _sink.Add(new MotionSample(notification.ReceivedAt - age, sample.XMg / 1000.0, sample.YMg / 1000.0, sample.ZMg / 1000.0));
        }
    }

    private void ProcessPmdControlPoint(in GattNotification notification)
    {
        var result = PmdControlPointResponseDecoder.Decode(notification.Payload.Span);
        if (!result.IsSuccess)
        {
            Invalid(notification, result.Error);
            return;
        }

        var response = result.Value;
        if (response.Opcode != PmdCommands.StartOpcode || response.MeasurementType != (byte)PmdMeasurementType.Acc || !response.Succeeded)
        {
            return;
        }

        // A new stream: its FACTOR (if any) and a fresh time base.
        _previousPmdTimestamp = null;
        var settings = PmdSettingsDecoder.Decode(response.Parameters);
        _pmdFactor = settings.IsSuccess && settings.Value.Factor is { } factor ? factor : 1.0f;
    }

    private void Invalid(in GattNotification notification, DecodeError error)
    {
        _invalid++;
        InvalidNotification?.Invoke(notification, error);
    }
}
