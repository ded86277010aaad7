using System.CommandLine;
using System.Globalization;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Files;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary><c>nightleg simulate</c>: writes a synthetic night as a capture, and optionally its ground truth.</summary>
public static class SimulateCommand
{
    /// <summary>Earliest <c>--start</c> (captures hold times from 2000 to 2100).</summary>
    private static readonly DateTimeOffset EarliestStart = CaptureReader.EarliestTime;

    /// <summary>The most cramps asked for in one night.</summary>
    public const int MaxCramps = 20;

    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "Capture file to write (a file that is not a capture is never overwritten).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same bytes).", DefaultValueFactory = _ => 1 };
        var hours = new Option<double?>("--hours") { Description = "Length of the night in hours (default: the hypnogram's own)." }.Between(0, 24, "the night's length in hours");
        var cramps = new Option<int>("--cramps") { Description = $"Cramp awakenings to insert (0–{MaxCramps}).", DefaultValueFactory = _ => 1 }.Within(0, MaxCramps, "a number of cramps");
        var names = DeviceFamilies.Default.Simulated.Select(s => s.Name).ToArray();
        var device = new Option<string>("--device") { Description = "The wearable to imitate: " + string.Join(", ", names) + ".", DefaultValueFactory = _ => "polar-h10" };
        device.AcceptOnlyFromAmong(names);
        var hypnogram = new Option<FileInfo?>("--hypnogram") { Description = "A hypnogram file (one stage per 30-s line); default: one of the 31 built in, chosen by the seed." };
        var start = new Option<string?>("--start") { Description = "Start of the recording, ISO-8601, 2000–2099 (default 23:00 local on 2026-03-10)." };
        var zone = new Option<string>("--timezone") { Description = "IANA time zone of the night.", DefaultValueFactory = _ => SimulationOptions.DefaultTimeZone };
        var truth = new Option<FileInfo?>("--truth") { Description = "Also write the ground truth (wake bouts, cramp awakenings, stages) as JSON." };

        var command = new Command("simulate", "Write a synthetic night, byte for byte as a wearable would send it, as a capture.")
        {
            output, seed, hours, cramps, device, hypnogram, start, zone, truth,
        };
        command.SetAction(parse =>
        {
            var zoneId = parse.GetValue(zone)!;
            NightCalendar calendar;
            try
            {
                calendar = NightCalendar.ForZone(zoneId);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new CliFailure($"--timezone: unknown time zone \"{zoneId}\" (use an IANA id such as Europe/Oslo)", 2);
            }

            DateTimeOffset startAt;
            if (parse.GetValue(start) is { } startText)
            {
                if (!DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out startAt))
                {
                    throw new CliFailure($"--start: \"{startText}\" is not an ISO-8601 date and time such as 2026-03-10T23:00:00+01:00", 2);
                }

                if (startAt < EarliestStart || startAt >= CaptureReader.LatestTime.AddDays(-2))
                {
                    throw new CliFailure($"--start: {startText} is not between 2000 and 2099", 2);
                }
            }
            else
            {
                startAt = calendar.ToUtc(new DateOnly(2026, 3, 10), new TimeOnly(23, 0));
            }

            Hypnogram night;
            try
            {
                night = parse.GetValue(hypnogram) is { } file ? Hypnogram.Load(file.FullName) : HypnogramLibrary.ForSeed(parse.GetValue(seed));
            }
            catch (Exception e) when (e is FormatException)
            {
                throw new CliFailure($"--hypnogram: {e.Message}", 1, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure($"--hypnogram: {parse.GetValue(hypnogram)!.FullName}: {DatabaseFile.Reason(e)}", 1, e);
            }

            var capturePath = OutputFile.Check(parse.GetValue(output)!.FullName, "capture", s => OutputFile.StartsWith(s, CaptureHeader.MagicLine));
            var truthPath = parse.GetValue(truth) is { } truthFile
                ? OutputFile.Check(truthFile.FullName, "ground truth", s => OutputFile.Head(s, 64) is var head && head.StartsWith('{') && head.Contains("\"seed\"", StringComparison.Ordinal))
                : null;
            if (truthPath == capturePath)
            {
                throw new CliFailure("--truth and --out name the same file", 2);
            }

            var options = new SimulationOptions(parse.GetValue(seed), DeviceFamilies.Default.Simulate(parse.GetValue(device)!), parse.GetValue(cramps),
                night, startAt.ToUniversalTime(), calendar.ZoneId, parse.GetValue(hours));
            var simulator = new NightSimulator(options);
            long records = 0;
            var files = new List<(string, Action<Stream>)>
            {
                (capturePath, stream =>
                {
                    using var writer = new CaptureWriter(new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" }, simulator.Header);
                    records = simulator.WriteCapture(writer);
                }),
            };
            if (truthPath is not null)
            {
                files.Add((truthPath, simulator.Truth.WriteJson));
            }

            // Both files, or neither: written under temporary names, moved into place together.
            OutputFile.WriteAll(files, ownerOnly: false);

            var t = simulator.Truth;
            var acc = options.Device.Motion?.Description is { } started ? $", {started}" : string.Empty;
            parse.InvocationConfiguration.Output.WriteLine(
                $"Wrote {records:N0} notifications to {capturePath}: {(t.End - t.Start).TotalHours:0.0} h as {t.Device}{acc}, hypnogram {t.HypnogramId}, " +
                $"{t.CrampAwakenings.Count} cramp awakening(s) of {options.Cramps} asked.");
            return 0;
        });
        return command;
    }
}
