using System.CommandLine;
using System.Globalization;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Simulation;

namespace NightLeg.Mobile.Cli;

/// <summary><c>nightleg simulate</c>: writes a synthetic night as a capture, and optionally its ground truth.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "Capture file to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same bytes).", DefaultValueFactory = _ => 1 };
        var hours = new Option<double?>("--hours") { Description = "Length of the night in hours (default: the hypnogram's own)." };
        var cramps = new Option<int>("--cramps") { Description = "Cramp awakenings to insert.", DefaultValueFactory = _ => 1 };
        var names = DeviceFamilies.Default.Simulated.Select(s => s.Name).ToArray();
        var device = new Option<string>("--device") { Description = "The wearable to imitate: " + string.Join(", ", names) + ".", DefaultValueFactory = _ => "polar-h10" };
        device.AcceptOnlyFromAmong(names);
        var hypnogram = new Option<FileInfo?>("--hypnogram") { Description = "A hypnogram file (one stage per 30-s line); default: one of the 31 built in, chosen by the seed." };
        var start = new Option<string?>("--start") { Description = "Start of the recording, ISO-8601 (default 23:00 local on 2026-03-10)." };
        var zone = new Option<string>("--timezone") { Description = "IANA time zone of the night.", DefaultValueFactory = _ => SimulationOptions.DefaultTimeZone };
        var truth = new Option<FileInfo?>("--truth") { Description = "Also write the ground truth (wake bouts, cramp awakenings) as JSON." };

        var command = new Command("simulate", "Write a synthetic night, byte for byte as a wearable would send it, as a capture.")
        {
            output, seed, hours, cramps, device, hypnogram, start, zone, truth,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            NightCalendar calendar;
            try
            {
                calendar = NightCalendar.ForZone(parse.GetValue(zone)!);
            }
            catch (TimeZoneNotFoundException)
            {
                error.WriteLine($"simulate: unknown time zone \"{parse.GetValue(zone)}\" (use an IANA id such as Europe/Oslo)");
                return 1;
            }

            DateTimeOffset startAt;
            if (parse.GetValue(start) is { } startText)
            {
                if (!DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out startAt))
                {
                    error.WriteLine($"simulate: \"{startText}\" is not an ISO-8601 date and time");
                    return 1;
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
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                error.WriteLine($"simulate: {e.Message}");
                return 1;
            }

            if (parse.GetValue(hours) is <= 0 or > 24)
            {
                error.WriteLine("simulate: --hours is between 0 and 24");
                return 1;
            }

            var options = new SimulationOptions(parse.GetValue(seed), DeviceFamilies.Default.Simulate(parse.GetValue(device)!), Math.Max(0, parse.GetValue(cramps)),
                night, startAt.ToUniversalTime(), calendar.ZoneId, parse.GetValue(hours));
            var simulator = new NightSimulator(options);
            long records;
            var path = parse.GetValue(output)!.FullName;
            using (var writer = CaptureWriter.Create(path, simulator.Header))
            {
                records = simulator.WriteCapture(writer);
            }

            if (parse.GetValue(truth) is { } truthFile)
            {
                using var stream = File.Create(truthFile.FullName);
                simulator.Truth.WriteJson(stream);
            }

            var t = simulator.Truth;
            var acc = options.Device.AccStarted is { } started ? $", ACC started at {started}" : string.Empty;
            parse.InvocationConfiguration.Output.WriteLine(
                $"Wrote {records:N0} notifications to {path}: {(t.End - t.Start).TotalHours:0.0} h as {t.Device}{acc}, hypnogram {t.HypnogramId}, " +
                $"{t.CrampAwakenings.Count} cramp awakening(s) of {options.Cramps} asked.");
            return 0;
        });
        return command;
    }
}
