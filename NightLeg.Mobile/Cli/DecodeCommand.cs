using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Battery;
using NightLeg.Sync.Gatt.HeartRate;
using NightLeg.Sync.Gatt.InfiniTime;
using NightLeg.Sync.Gatt.Polar;

namespace NightLeg.Mobile.Cli;

/// <summary><c>nightleg decode --profile P HEX</c>: one payload → one JSON object, for debugging captures.</summary>
public static class DecodeCommand
{
    /// <summary>The profiles <c>--profile</c> accepts.</summary>
    public static readonly string[] Profiles = ["heart-rate", "battery", "infinitime-motion", "infinitime-steps", "polar-pmd"];

    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "What the bytes are: " + string.Join(", ", Profiles) + ".", Required = true };
        profile.AcceptOnlyFromAmong(Profiles);
        var factor = new Option<float>("--factor") { Description = "polar-pmd: FACTOR from the start response (scales compressed frames).", DefaultValueFactory = _ => 1.0f };
        var sampleRate = new Option<int>("--sample-rate") { Description = "polar-pmd: sample rate in Hz (spaces the samples of a first frame).", DefaultValueFactory = _ => 52 };
        var previous = new Option<ulong?>("--previous-timestamp") { Description = "polar-pmd: the previous frame's timestamp in ns (spaces the samples by the time between frames)." };
        var hex = new Argument<string>("HEX") { Description = "The payload as hexadecimal (spaces and colons allowed)." };

        var command = new Command("decode", "Decode one GATT payload and print it as JSON.") { profile, factor, sampleRate, previous, hex };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var text = parse.GetValue(hex)!;
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(new string(text.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-').ToArray()));
            }
            catch (FormatException)
            {
                error.WriteLine($"decode: \"{text}\" is not hexadecimal (two digits per byte)");
                return 1;
            }

            var json = Decode(parse.GetValue(profile)!, bytes, parse.GetValue(factor), parse.GetValue(sampleRate), parse.GetValue(previous), out var problem);
            if (json is null)
            {
                error.WriteLine($"decode: {problem}");
                return 1;
            }

            output.WriteLine(json);
            return 0;
        });
        return command;
    }

    /// <summary>The JSON for a payload, or null with <paramref name="problem"/> set.</summary>
    public static string? Decode(string profile, byte[] bytes, float factor, int sampleRateHz, ulong? previousTimestampNs, out string? problem)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            problem = profile switch
            {
                "heart-rate" => WriteHeartRate(json, bytes),
                "battery" => Write(json, BatteryLevelDecoder.Decode(bytes), (j, v) => j.WriteNumber("levelPercent", v)),
                "infinitime-steps" => Write(json, InfiniTimeMotionDecoder.DecodeSteps(bytes), (j, v) => j.WriteNumber("steps", v)),
                "infinitime-motion" => Write(json, InfiniTimeMotionDecoder.DecodeRawXyz(bytes), (j, v) =>
                {
                    j.WriteNumber("xG", v.XG);
                    j.WriteNumber("yG", v.YG);
                    j.WriteNumber("zG", v.ZG);
                }),
                "polar-pmd" => WritePmd(json, bytes, factor, sampleRateHz, previousTimestampNs),
                _ => $"unknown profile \"{profile}\"",
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
