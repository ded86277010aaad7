using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Battery;
using NightLeg.Sync.Gatt.HeartRate;
using NightLeg.Sync.Gatt.InfiniTime;
using NightLeg.Sync.Gatt.Polar;

namespace NightLeg.Mobile.Cli;

/// <summary><c>nightleg decode --profile P HEX</c>: one payload → one JSON object, for debugging captures.</summary>
public static class DecodeCommand
{
    /// <summary>The command over NightLeg's registered device families.</summary>
    public static Command Create() => Create(DeviceFamilies.Default);

    /// <summary>The command; <c>--profile</c> takes the decode profiles of <paramref name="families"/>' characteristics.</summary>
    public static Command Create(DeviceFamilies families)
    {
        var profiles = families.Profiles;
        var names = profiles.Select(p => p.Name).ToArray();
        var profile = new Option<string>("--profile") { Description = "What the bytes are: " + string.Join(", ", names) + ".", Required = true };
        profile.AcceptOnlyFromAmong(names);
        var factor = new Option<float>("--factor") { Description = "polar-pmd: FACTOR from the start response (scales compressed frames).", DefaultValueFactory = _ => 1.0f }
            .Between(0, 1_000_000, "the PMD scale factor");
        var sampleRate = new Option<int?>("--sample-rate") { Description = "polar-pmd: the rate the stream was started at, Hz (spaces the samples of a first frame; sensors differ: an H10 offers 25–200, a Verity Sense 52)." }
            .Within(1, 10_000, "a sample rate in Hz");
        var previous = new Option<ulong?>("--previous-timestamp") { Description = "polar-pmd: the previous frame's timestamp in ns (spaces the samples by the time between frames)." };
        var hex = new Argument<string>("HEX") { Description = "The payload as hexadecimal (spaces and colons allowed)." };

        var command = new Command("decode", "Decode one GATT payload and print it as JSON.") { profile, factor, sampleRate, previous, hex };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var text = parse.GetValue(hex)!;
            var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-').Take((2 * GattNotification.MaxPayloadBytes) + 1).ToArray());
            if (digits.Length > 2 * GattNotification.MaxPayloadBytes)
            {
                throw new CliFailure($"decode: the payload is longer than {GattNotification.MaxPayloadBytes} bytes, the most a notification carries");
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(digits);
            }
            catch (FormatException)
            {
                throw new CliFailure($"decode: \"{(text.Length > 40 ? text[..40] + "…" : text)}\" is not hexadecimal (two digits per byte)");
            }

            var chosen = profiles.First(p => p.Name == parse.GetValue(profile));
            var json = Decode(chosen.Characteristic, bytes, parse.GetValue(factor), parse.GetValue(sampleRate), parse.GetValue(previous), out var problem);
            if (json is null)
            {
                throw new CliFailure($"decode: {problem}");
            }

            output.WriteLine(json);
            return 0;
        });
        return command;
    }

    /// <summary>The JSON for a payload of <paramref name="characteristic"/>, or null with <paramref name="problem"/> set.</summary>
    public static string? Decode(Guid characteristic, byte[] bytes, float factor, int? sampleRateHz, ulong? previousTimestampNs, out string? problem)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            problem = characteristic switch
            {
                _ when characteristic == GattUuids.HeartRateMeasurement => WriteHeartRate(json, bytes),
                _ when characteristic == GattUuids.BatteryLevel => Write(json, BatteryLevelDecoder.Decode(bytes), (j, v) => j.WriteNumber("levelPercent", v)),
                _ when characteristic == GattUuids.InfiniTimeStepCount => Write(json, InfiniTimeMotionDecoder.DecodeSteps(bytes), (j, v) => j.WriteNumber("steps", v)),
                _ when characteristic == GattUuids.InfiniTimeRawXyz => Write(json, InfiniTimeMotionDecoder.DecodeRawXyz(bytes), (j, v) =>
                {
                    j.WriteNumber("xG", v.XG);
                    j.WriteNumber("yG", v.YG);
                    j.WriteNumber("zG", v.ZG);
                }),
                _ when characteristic == GattUuids.PolarPmdData => previousTimestampNs is null && sampleRateHz is null
                    ? "polar-pmd: a first frame needs --sample-rate (the rate the stream was started at) or --previous-timestamp"
                    : WritePmd(json, bytes, factor, sampleRateHz ?? 0, previousTimestampNs),
                _ when characteristic == GattUuids.PolarPmdControlPoint => WritePmdControl(json, bytes),
                _ => $"no decoder for characteristic {characteristic}",
            };
        }

        return problem is null ? System.Text.Encoding.UTF8.GetString(stream.ToArray()) : null;
    }

    private static string? WriteHeartRate(Utf8JsonWriter json, byte[] bytes) =>
        Write(json, HeartRateMeasurementDecoder.Decode(bytes), (j, m) =>
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

    private static string? WritePmd(Utf8JsonWriter json, byte[] bytes, float factor, int sampleRateHz, ulong? previousTimestampNs) =>
        Write(json, PmdDataFrameDecoder.DecodeAcc(bytes, factor, sampleRateHz, previousTimestampNs), (j, frame) =>
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

    private static string? WritePmdControl(Utf8JsonWriter json, byte[] bytes) =>
        Write(json, PmdControlPointResponseDecoder.Decode(bytes), (j, r) =>
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

    private static string? Write<T>(Utf8JsonWriter json, DecodeResult<T> result, Action<Utf8JsonWriter, T> write)
    {
        if (!result.IsSuccess)
        {
            return result.Error.Message;
        }

        json.WriteStartObject();
        write(json, result.Value);
        json.WriteEndObject();
        return null;
    }
}
