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
/// Holds the per-stream state decoding needs (for each PMD measurement type: what the sensor offered,
/// the rate started, FACTOR, the previous frame's time). Not thread-safe: feed it from one thread.
/// </summary>
public sealed class NotificationPipeline
{
    private readonly ISampleSink _sink;
    private readonly Dictionary<byte, PmdStream> _pmd = [];
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
        if (payload.Length > GattNotification.MaxPayloadBytes)
        {
            Invalid(notification, new DecodeError(DecodeErrorKind.LengthMismatch,
                $"a notification carries at most {GattNotification.MaxPayloadBytes} bytes, got {payload.Length}"));
            return;
        }

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
                _sink.AddBattery(notification.ReceivedAt, result.Value);
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

    /// <summary>The ACC sample rate the stream runs at, when known (for status and tests).</summary>
    public int? PmdAccSampleRateHz => _pmd.TryGetValue((byte)PmdMeasurementType.Acc, out var acc) ? acc.SampleRateHz : null;

    private PmdStream Stream(byte measurementType) =>
        _pmd.TryGetValue(measurementType, out var stream) ? stream : _pmd[measurementType] = new PmdStream();

    private void ProcessPmdData(in GattNotification notification)
    {
        var payload = notification.Payload.Span;
        if (payload.IsEmpty)
        {
            Invalid(notification, new DecodeError(DecodeErrorKind.Empty, "pmd: an empty data frame"));
            return;
        }

        var stream = Stream((byte)(payload[0] & 0x3F));
        if (stream.SampleRateHz is null && stream.PreviousTimestampNs is null)
        {
            // The rate is unknown (no settings answer seen): the next frame's timestamp will space this one.
            if (stream.Pending is not { } pending)
            {
                stream.Pending = (payload.ToArray(), notification.ReceivedAt);
                return;
            }

            stream.Pending = null;
            var inferred = InferRateHz(pending.Frame, payload);
            if (inferred is null)
            {
                Invalid(notification with { Payload = pending.Frame, ReceivedAt = pending.ArrivedAt }, new DecodeError(DecodeErrorKind.InvalidValue, "pmd: cannot tell the sample rate from two frames"));
                return;
            }

            stream.SampleRateHz = inferred;
            Emit(notification with { Payload = pending.Frame, ReceivedAt = pending.ArrivedAt }, stream);
        }

        Emit(notification, stream);
    }

    private void Emit(in GattNotification notification, PmdStream stream)
    {
        var result = PmdDataFrameDecoder.DecodeAcc(notification.Payload.Span, stream.Factor, stream.SampleRateHz ?? 0, stream.PreviousTimestampNs);
        if (!result.IsSuccess)
        {
            Invalid(notification, result.Error);
            return;
        }

        var frame = result.Value;
        stream.PreviousTimestampNs = frame.TimestampNs;

        // The sensor clock need not be set: place samples relative to when the frame arrived.
        foreach (var sample in frame.Samples)
        {
            var age = TimeSpan.FromTicks((long)((frame.TimestampNs - sample.TimestampNs) / 100));
            _motion++;
            _sink.Add(new MotionSample(notification.ReceivedAt - age, sample.XMg / 1000.0, sample.YMg / 1000.0, sample.ZMg / 1000.0));
        }
    }

    /// <summary>Samples in the second frame over the time between the two frames' last samples; null when it does not make sense.</summary>
    private static int? InferRateHz(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var a = PmdDataFrameDecoder.DecodeAcc(first, 1.0f, 1, null);
        var b = PmdDataFrameDecoder.DecodeAcc(second, 1.0f, 1, null);
        if (!a.IsSuccess || !b.IsSuccess || b.Value.TimestampNs <= a.Value.TimestampNs)
        {
            return null;
        }

        var rate = b.Value.Samples.Count / ((b.Value.TimestampNs - a.Value.TimestampNs) / 1e9);
        return rate is >= 1 and <= 10_000 ? (int)Math.Round(rate) : null;
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
        var stream = Stream((byte)(response.MeasurementType & 0x3F));
        switch (response.Opcode)
        {
            case PmdCommands.GetSettingsOpcode when response.Succeeded:
                var offered = PmdSettingsDecoder.Decode(response.Parameters);
                stream.Offered = offered.IsSuccess ? offered.Value : null;
                break;
            case PmdCommands.StartOpcode when response.Succeeded:
                var parameters = PmdSettingsDecoder.Decode(response.Parameters);
                stream.Started(parameters.IsSuccess ? parameters.Value : null);
                break;
        }
    }

    private void Invalid(in GattNotification notification, DecodeError error)
    {
        _invalid++;
        InvalidNotification?.Invoke(notification, error);
    }
}
