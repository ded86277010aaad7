using System.Text.Json;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// Polar Measurement Data (Polar BLE SDK): the data frames, and the control point whose answers say
/// how to read them (settings offered, the start's FACTOR). Both decoders of a pipeline share its
/// <see cref="PmdStreams"/>.
/// </summary>
public static class PmdProfiles
{
    /// <summary>PMD data frames: ACC samples, placed in time by the sensor's timestamps.</summary>
    public static GattProfile Data { get; } = new DataProfile();

    /// <summary>PMD control-point answers (settings, start, stop).</summary>
    public static GattProfile Control { get; } = new ControlProfile();

    private sealed class DataProfile() : GattProfile("polar-pmd", GattUuids.PolarPmdService, GattUuids.PolarPmdData)
    {
        public override IStreamDecoder CreateDecoder(DecoderScope scope) => new DataDecoder(scope.Shared<PmdStreams>());

        public override string? WriteJson(ReadOnlySpan<byte> payload, DecodeOptions options, Utf8JsonWriter json) =>
            options.PreviousTimestampNs is null && options.SampleRateHz is null
                ? "polar-pmd: a first frame needs --sample-rate (the rate the stream was started at) or --previous-timestamp"
                : WriteObject(json, PmdDataFrameDecoder.DecodeAcc(payload, options.Factor, options.SampleRateHz ?? 0, options.PreviousTimestampNs), (j, frame) =>
                {
                    j.WriteString("measurementType", PmdMeasurementTypeNames.Name(frame.MeasurementType));
                    j.WriteNumber("frameType", frame.FrameType);
                    j.WriteBoolean("compressed", frame.Compressed);
                    j.WriteNumber("timestampNs", frame.TimestampNs);
                    j.WriteStartArray("samples");
                    foreach (var s in frame.Samples)
                    {
                        j.WriteStartObject();
                        j.WriteNumber("timestampNs", s.TimestampNs);
                        j.WriteNumber("xMg", s.XMg);
                        j.WriteNumber("yMg", s.YMg);
                        j.WriteNumber("zMg", s.ZMg);
                        j.WriteEndObject();
                    }

                    j.WriteEndArray();
                });
    }

    private sealed class ControlProfile() : GattProfile("polar-pmd-control", GattUuids.PolarPmdService, GattUuids.PolarPmdControlPoint)
    {
        public override IStreamDecoder CreateDecoder(DecoderScope scope) => new ControlDecoder(scope.Shared<PmdStreams>());

        public override string? WriteJson(ReadOnlySpan<byte> payload, DecodeOptions options, Utf8JsonWriter json) =>
            WriteObject(json, PmdControlPointResponseDecoder.Decode(payload), (j, r) =>
            {
                j.WriteNumber("opcode", r.Opcode);
                j.WriteString("measurementType", PmdMeasurementTypeNames.Name((byte)(r.MeasurementType & 0x3F)));
                j.WriteNumber("status", r.Status);
                j.WriteString("statusText", r.StatusText);
                if (r.Succeeded && r.Parameters.Length > 0 && PmdSettingsDecoder.Decode(r.Parameters) is { IsSuccess: true } settings)
                {
                    j.WriteStartObject("settings");
                    foreach (var (type, values) in settings.Value.Values)
                    {
                        j.WriteStartArray(type.ToString());
                        foreach (var v in values)
                        {
                            j.WriteNumberValue(v);
                        }

                        j.WriteEndArray();
                    }

                    j.WriteEndObject();
                }
            });
    }

    /// <summary>Reads the answers as they pass, keeping each measurement type's state (Polar BLE SDK keeps the same).</summary>
    private sealed class ControlDecoder(PmdStreams streams) : IStreamDecoder
    {
        public DecodeError? Decode(in GattNotification notification, ISampleSink output)
        {
            var result = PmdControlPointResponseDecoder.Decode(notification.Payload.Span);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            var response = result.Value;
            var stream = streams[(byte)(response.MeasurementType & 0x3F)];
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

            return null;
        }
    }

    private sealed class DataDecoder(PmdStreams streams) : IStreamDecoder
    {
        public DecodeError? Decode(in GattNotification notification, ISampleSink output)
        {
            var payload = notification.Payload.Span;
            if (payload.IsEmpty)
            {
                return new DecodeError(DecodeErrorKind.Empty, "pmd: an empty data frame");
            }

            var stream = streams[(byte)(payload[0] & 0x3F)];
            if (stream.SampleRateHz is null && stream.PreviousTimestampNs is null)
            {
                // The rate is unknown (no settings answer seen): the next frame's timestamp will space this one.
                if (stream.Pending is not { } pending)
                {
                    stream.Pending = (payload.ToArray(), notification.ReceivedAt);
                    return null;
                }

                stream.Pending = null;
                var inferred = InferRateHz(pending.Frame, payload);
                if (inferred is null)
                {
                    return new DecodeError(DecodeErrorKind.InvalidValue, "pmd: cannot tell the sample rate from two frames");
                }

                stream.SampleRateHz = inferred;
                var first = Emit(notification with { Payload = pending.Frame, ReceivedAt = pending.ArrivedAt }, stream, output);
                return Emit(notification, stream, output) ?? first;
            }

            return Emit(notification, stream, output);
        }

        private static DecodeError? Emit(in GattNotification notification, PmdStream stream, ISampleSink output)
        {
            var result = PmdDataFrameDecoder.DecodeAcc(notification.Payload.Span, stream.Factor, stream.SampleRateHz ?? 0, stream.PreviousTimestampNs);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            var frame = result.Value;
            stream.PreviousTimestampNs = frame.TimestampNs;

            // The sensor clock need not be set: place samples relative to when the frame arrived.
            foreach (var sample in frame.Samples)
            {
                var age = TimeSpan.FromTicks((long)((frame.TimestampNs - sample.TimestampNs) / 100));
                output.Add(new MotionSample(notification.ReceivedAt - age, sample.XMg / 1000.0, sample.YMg / 1000.0, sample.ZMg / 1000.0));
            }

            return null;
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
    }
}
