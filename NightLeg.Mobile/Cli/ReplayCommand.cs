using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Recording;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg replay FILE</c>: a capture through the same decoders → recorder → detector as a live
/// night. What a capture does not hold — link gaps, battery, the user starting and ending the night — it cannot replay.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Seconds per database write in replay: large batches, since nothing can be lost to a crash here.</summary>
    private const int ReplayBatchSeconds = 3600;

    public static Command Create(TimeProvider time)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A nightleg-capture 1 file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (nights, samples, events) instead of a summary." };
        var zone = new Option<string?>("--timezone") { Description = "IANA time zone when the capture names none (default: this machine's)." };
        var sensitivity = new Option<Sensitivity>("--sensitivity") { Description = "Detector sensitivity: Low, Normal or High.", DefaultValueFactory = _ => Sensitivity.Normal }.Named();
        var db = new Option<FileInfo?>("--db") { Description = "Also store the night, its seconds and its events in this NightLeg database." };

        var command = new Command("replay", "Replay a capture through the decoders, the recorder and the awakening detector.") { file, json, zone, sensitivity, db };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!.FullName;
            if (Directory.Exists(path))
            {
                throw new CliFailure($"{path} is a folder, not a capture file");
            }

            NightCalendar fallback;
            try
            {
                fallback = parse.GetValue(zone) is { } z ? NightCalendar.ForZone(z) : new NightCalendar(TimeZoneInfo.Local);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new CliFailure($"--timezone: unknown time zone \"{parse.GetValue(zone)}\" (use an IANA id such as Europe/Oslo)", 2);
            }

            CaptureReader reader;
            try
            {
                reader = CaptureReader.Open(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new CliFailure($"{path} does not exist", 1, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure($"{path}: {DatabaseFile.Reason(e)}", 1, e);
            }
            catch (CaptureFormatException e)
            {
                throw new CliFailure($"{path}: {e.Message}", 1, e);
            }

            ReplayResult result;
            StorageException? storageFailure = null;
            var span = parse.GetValue(db) is null ? default : CheckWhole(path);
            using (reader)
            {
                using var database = parse.GetValue(db) is { } dbFile
                    ? NightLegDatabase.Open(new DatabaseOptions(dbFile.FullName, DatabaseOptions.PasswordFrom(Environment.GetEnvironmentVariable)), time)
                    : null;
                NightPersister? persister = null;
                // A night the database holds already is stored again second for second (and its events once), but
                // not learned from again: the sleeper's profile would count it twice.
                var already = database is not null && span.First is { } first && new LiteDbEpochRepository(database).Read(first, span.Last!.Value.AddSeconds(1)).Count > 0;
                var sleeper = database is null ? null : new LiteDbSleeperProfileRepository(database);
                try
                {
                    result = CaptureReplay.Run(reader, fallback, parse.GetValue(sensitivity), recorder =>
                    {
                        if (database is not null)
                        {
                            var nights = new LiteDbNightRepository(database);
                            var journal = new CrampJournal(new LiteDbCrampEventRepository(database), nights, fallback, time, sleeper);
                            persister = new NightPersister(recorder, nights, new LiteDbEpochRepository(database), journal, ReplayBatchSeconds, already ? null : sleeper, database);
                            persister.StorageFailed += e => storageFailure = e;
                        }
                    }, sleeper?.Get(), sleeper?.GetLearning());
                }
                catch (CaptureFormatException e)
                {
                    throw new CliFailure($"{path}: {e.Message}", 1, e);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliFailure($"{path}: {DatabaseFile.Reason(e)}", 1, e);
                }
                finally
                {
                    persister?.Dispose();
                }

                if (persister is { Failing: true })
                {
                    throw new CliFailure($"not everything was stored in {database!.Path}: {storageFailure?.Message}", 1, storageFailure);
                }
            }

            foreach (var warning in result.Warnings)
            {
                error.WriteLine($"replay: warning: {path}: {warning}");
            }

            output.WriteLine(parse.GetValue(json) ? Json(result) : Summary(result));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Reads the whole capture before anything is stored: a line refused at the end must not leave the
    /// night half in the database. Returns the first and last instants it holds.
    /// </summary>
    private static (DateTimeOffset? First, DateTimeOffset? Last) CheckWhole(string path)
    {
        try
        {
            using var check = CaptureReader.Open(path);
            DateTimeOffset? first = null;
            DateTimeOffset? last = null;
            foreach (var n in check.ReadAll())
            {
                first ??= n.ReceivedAt;
                last = n.ReceivedAt;
            }

            return (first, last);
        }
        catch (CaptureFormatException e)
        {
            throw new CliFailure($"{path}: {e.Message}; nothing was stored", 1, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{path}: {DatabaseFile.Reason(e)}", 1, e);
        }
    }

    private static string Json(ReplayResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("nights");
            foreach (var night in result.Nights)
            {
                json.WriteStartObject();
                json.WriteString("date", night.Id.EveningDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("timezone", night.Id.TimeZoneId);
                json.WriteString("start", Iso(night.Start));
                json.WriteString("end", Iso(night.End));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("samples");
            json.WriteNumber("heartRate", result.Samples.HeartRate);
            json.WriteNumber("motion", result.Samples.Motion);
            json.WriteNumber("invalid", result.Pipeline.Invalid);
            json.WriteNumber("late", result.Samples.Late);
            json.WriteEndObject();
            json.WriteStartArray("events");
            foreach (var replayed in result.Awakenings)
            {
                var a = replayed.Awakening;
                json.WriteStartObject();
                json.WriteString("onset", Iso(a.Onset));
                json.WriteString("detectedAt", Iso(a.DetectedAt));
                WriteNullable(json, "baselineHeartRateBpm", a.BaselineHeartRateBpm);
                WriteNullable(json, "peakHeartRateBpm", a.PeakHeartRateBpm);
                json.WriteNumber("confidence", a.Confidence);
                json.WriteString("evidence", a.Evidence.ToString());
                json.WriteNumber("activeSeconds", a.ActiveSeconds);
                if (replayed.AsleepAgainAt is { } asleep)
                {
                    json.WriteString("asleepAgainAt", Iso(asleep));
                }
                else
                {
                    json.WriteNull("asleepAgainAt");
                }

                // What followed it (docs/detector.md#the-morning-review).
                if (replayed.Course is { } course)
                {
                    json.WriteStartObject("course");
                    if (course.ActiveSeconds is { } worked)
                    {
                        json.WriteNumber("activeSeconds", worked);
                    }
                    else
                    {
                        json.WriteNull("activeSeconds");
                    }

                    WriteNullable(json, "heartRateAfterBpm", course.HeartRateAfterBpm);
                    if (course.DistressAt is { } distress)
                    {
                        json.WriteString("distressAt", Iso(distress));
                    }
                    else
                    {
                        json.WriteNull("distressAt");
                    }

                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("course");
                }

                // What the prompt would have done with sound switched on: it appears silently, and sounds only once distress is plain.
                json.WriteString("alert", replayed.AlertWithSoundOn == PromptAlert.Sound ? "sound" : "silent");
                json.WriteString("review", replayed.Review switch { ReviewKind.Brief => "brief", ReviewKind.Ordinary => "ordinary", _ => "ask" });
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Summary(ReplayResult result)
    {
        var lines = new List<string>();
        foreach (var night in result.Nights)
        {
            var calendar = NightCalendar.ForZone(night.Id.TimeZoneId);
            lines.Add($"Night of {night.Id.EveningDate:ddd d MMM yyyy} ({night.Id.TimeZoneId}): {calendar.ToLocal(night.Start):HH:mm}–{calendar.ToLocal(night.End):HH:mm}, " +
                      $"asleep {night.Sleep.TimeAsleep.TotalHours:0.0} h, sleeping heart rate {night.Sleep.TypicalHeartRateBpm?.ToString("0", CultureInfo.InvariantCulture) ?? "–"} bpm");
            foreach (var replayed in result.Awakenings.Where(x => x.Night == night.Id))
            {
                var a = replayed.Awakening;
                var review = replayed.Review switch
                {
                    ReviewKind.Brief => $"brief awakening (asleep again {(replayed.AsleepAgainAt!.Value - a.Onset).TotalMinutes:0.0} min after)",
                    ReviewKind.Ordinary => "awake a while, no sign of a cramp: not asked about",
                    _ => "asked about in the morning",
                };
                lines.Add($"  awakening at {calendar.ToLocal(a.Onset):HH:mm:ss}, detected {a.Latency.TotalSeconds:0} s later: " +
                          $"{a.BaselineHeartRateBpm?.ToString("0", CultureInfo.InvariantCulture) ?? "?"} → {a.PeakHeartRateBpm?.ToString("0", CultureInfo.InvariantCulture) ?? "?"} bpm, confidence {a.Confidence:0.00} ({a.Evidence}); {review}");
            }
        }

        lines.Add($"{result.Samples.HeartRate:N0} heart-rate and {result.Samples.Motion:N0} motion samples; {result.Pipeline.Invalid:N0} invalid notifications skipped; " +
                  $"{result.Awakenings.Count} awakening(s) detected.");
        return string.Join(Environment.NewLine, lines);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 1));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
