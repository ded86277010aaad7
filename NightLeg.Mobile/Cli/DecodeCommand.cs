using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;

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
            using var stream = new MemoryStream();
            string? problem;
            using (var json = new Utf8JsonWriter(stream))
            {
                problem = chosen.WriteJson(bytes, new DecodeOptions(parse.GetValue(factor), parse.GetValue(sampleRate), parse.GetValue(previous)), json);
            }

            if (problem is not null)
            {
                throw new CliFailure($"decode: {problem}");
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return 0;
        });
        return command;
    }
}
