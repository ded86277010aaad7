using System.Globalization;
using System.IO.Compression;
using System.Text;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;

namespace NightLeg.Sync.Export;

public sealed partial class NightLegExport
{
    /// <summary>The tables of the CSV export, in the archive's order (docs/export-format.md, "CSV").</summary>
    public static IReadOnlyList<string> CsvTables { get; } = ["nights.csv", "events.csv", "diary.csv", "seconds.csv"];

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>
    /// Writes the CSV export: one ZIP archive of tables a spreadsheet opens — <c>nights.csv</c> (each recorded
    /// night), <c>events.csv</c> (every event with every detail and what the detector saw), <c>diary.csv</c>
    /// (one row per night in the diary format <c>nightleg import</c> reads back, docs/diary-csv.md) and
    /// <c>seconds.csv</c> (every recorded second). Returns the nights written and what could not be read.
    /// Streams: one night's seconds in memory at a time.
    /// </summary>
    public async Task<ExportResult> WriteCsvArchiveAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var skipped = new List<string>();
        var (list, listProblem) = ListNights();
        if (listProblem is not null)
        {
            skipped.Add(listProblem);
        }

        var readable = new List<(NightId Id, Night? Night, IReadOnlyList<CrampEvent> Events, NightDiary? Diary)>();
        foreach (var (id, night) in list)
        {
            try
            {
                readable.Add((id, night, events.ForNight(id), diaries?.Get(id)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                skipped.Add($"{id}: {e.Message}");
            }
        }

        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await WriteTableAsync(zip, "nights.csv", NightsHeader, readable.Where(r => r.Night is not null).Select(r => NightRow(r.Night!)), cancellationToken);
        await WriteTableAsync(zip, "events.csv", EventsHeader, readable.SelectMany(r => r.Events).Select(EventRow), cancellationToken);
        await WriteTableAsync(zip, "diary.csv", string.Join(',', DiaryCsv.Columns), readable.Select(r => DiaryRow(r.Id, r.Events, r.Diary)), cancellationToken);
        var entry = zip.CreateEntry("seconds.csv", CompressionLevel.Fastest);
        await using (var stream = await entry.OpenAsync(cancellationToken))
        await using (var writer = new StreamWriter(stream, Utf8, 1 << 16))
        {
            await writer.WriteLineAsync("night,time_utc,heart_rate_bpm,movement_g");
            foreach (var night in readable.Select(r => r.Night).OfType<Night>())
            {
                var lines = new StringBuilder();
                try
                {
                    foreach (var e in epochs.Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1)))
                    {
                        lines.Append(CultureInfo.InvariantCulture, $"{CsvCell.Text(night.Id.ToString())},{Instant(e.Start)},{e.HeartRateBpm:0.#},{e.MovementG:0.####}\n");
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    skipped.Add($"{night.Id}: its seconds: {e.Message}");
                    continue;
                }

                await writer.WriteAsync(lines, cancellationToken);
            }
        }

        return new ExportResult(readable.Count, skipped);
    }

    private const string NightsHeader =
        "night,time_zone,recording_start_utc,recording_end_utc,started_utc,stopped_utc,sleep_onset_utc,final_awakening_utc,time_asleep_min,lowest_heart_rate_bpm,typical_heart_rate_bpm,battery_start_percent,battery_end_percent,gaps";

    private const string EventsHeader =
        "id,night,at_utc,at_local,source,status,leg,location,intensity,duration_s,what_helped,back_to_sleep,back_to_sleep_after_min,note,dismiss_reason,dismiss_note," +
        "answer_in_night,answered_at_utc,detected_at_utc,baseline_bpm,peak_bpm,evidence,active_seconds_at_decision,confidence,asleep_again_utc,course_active_seconds,course_heart_after_bpm,distress_at_utc";

    private static async Task WriteTableAsync(ZipArchive zip, string name, string header, IEnumerable<string> rows, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var writer = new StreamWriter(stream, Utf8, 1 << 16);
        await writer.WriteLineAsync(header);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(row);
        }
    }

    private static string NightRow(Night n) => string.Join(',',
        CsvCell.Text(n.Id.ToString()), CsvCell.Text(n.Id.TimeZoneId), Instant(n.RecordingStart), Instant(n.RecordingEnd), Instant(n.ExplicitStart), Instant(n.ExplicitEnd),
        Instant(n.SleepOnset), Instant(n.FinalAwakening), Number(Math.Round(n.Sleep.TimeAsleep.TotalMinutes, 1)), Number(n.Sleep.LowestHeartRateBpm), Number(n.Sleep.TypicalHeartRateBpm),
        Number(n.BatteryAtStartPercent), Number(n.BatteryAtEndPercent),
        CsvCell.Text(string.Join(' ', n.Gaps.Select(g => $"{Instant(g.Start)}/{Instant(g.End)}/{g.Reason}"))));

    private static string EventRow(CrampEvent e)
    {
        var d = e.Details;
        var local = NightCalendar.ForZone(e.Night.TimeZoneId).ToLocal(e.At);
        return string.Join(',',
            e.Id.ToString("D"), CsvCell.Text(e.Night.ToString()), Instant(e.At), local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), e.Source, e.Status,
            d.Leg?.ToString() ?? "", d.Location?.ToString() ?? "", Number(d.Intensity), Number(d.Duration?.TotalSeconds), CsvCell.Text(string.Join(' ', d.WhatHelped)),
            d.BackToSleep is { } sleep ? (sleep.Slept ? "yes" : "no") : "", Number(d.BackToSleep?.After?.TotalMinutes), CsvCell.Text(d.Note),
            e.DismissReason?.ToString() ?? "", CsvCell.Text(e.DismissNote), e.Answer?.ToString() ?? "", Instant(e.AnsweredAt),
            Instant(e.Detection?.DetectedAt), Number(e.Detection?.BaselineHeartRateBpm), Number(e.Detection?.PeakHeartRateBpm), e.Detection?.Evidence.ToString() ?? "",
            Number(e.Detection?.ActiveSeconds), Number(e.Detection?.Confidence), Instant(e.AsleepAgainAt),
            Number(e.Course?.ActiveSeconds), Number(e.Course?.HeartRateAfterBpm), Instant(e.Course?.DistressAt));
    }

    /// <summary>A night as one row of the diary format (<see cref="DiaryCsv.Columns"/>): its cramps (the first one's details) and the day before.</summary>
    private static string DiaryRow(NightId id, IReadOnlyList<CrampEvent> events, NightDiary? diary)
    {
        var cramps = events.Where(e => e.IsConfirmedCramp).OrderBy(e => e.At).ToList();
        var first = cramps.FirstOrDefault();
        var d = first?.Details;
        var f = diary?.Factors;
        static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };
        return string.Join(',',
            id.EveningDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(cramps.Count),
            first is null ? "" : NightCalendar.ForZone(id.TimeZoneId).ToLocal(first.At).ToString("HH:mm", CultureInfo.InvariantCulture),
            d?.Leg?.ToString().ToLowerInvariant() ?? "", d?.Location?.ToString().ToLowerInvariant() ?? "", Number(d?.Intensity),
            Number(d?.Duration is { } duration ? Math.Round(duration.TotalMinutes, 2) : null), CsvCell.Text(d?.Note),
            YesNo(f?.Ran), f?.Effort?.ToString().ToLowerInvariant() ?? "", Number(f?.RunKm), f?.Surface?.ToString().ToLowerInvariant() ?? "",
            YesNo(f?.OtherHardTraining), YesNo(f?.NewShoes), YesNo(f?.EnoughToDrink), YesNo(f?.Alcohol), YesNo(f?.MagnesiumOrSalt), YesNo(f?.HeavyDuvet),
            CsvCell.Text(string.Join(';', f?.TagList ?? [])));
    }

    private static string Instant(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "";

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";
}
