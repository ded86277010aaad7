using System.Collections.Concurrent;
using System.Text.Json;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Files;

namespace NightLeg.Sync.Export;

/// <summary>
/// Restores a <c>nightleg-export</c> file into a database. The whole file is read and checked first
/// (streamed night by night, so memory stays bounded by the largest night); only a file that reads
/// to its end without a fault is imported, so a truncated, foreign or future file changes nothing.
/// Into a fresh database everything is restored exactly (export → import → export gives the same
/// bytes). Into one that already holds some of it nothing is doubled: what is there and the same is
/// skipped, what is there and different is kept as stored and reported as a conflict.
/// </summary>
public sealed partial class NightLegImport(INightRepository nights, ICrampEventRepository events, IEpochRepository epochs, IDiaryRepository diaries,
    ISettingsRepository settings, IDeviceRepository devices, ISleeperProfileRepository sleeper)
{
    /// <summary>The largest single night accepted (a night of seconds is ≈1–2 MB of JSON).</summary>
    public const int MaxNightBytes = 64 << 20;

    /// <summary>Checks the file (throws <see cref="FileRefusedException"/> naming the problem), then imports it.</summary>
    public ImportResult Import(string path) => Import(path, Check(path));

    /// <summary>Reads the whole file, storing nothing: its header, or <see cref="FileRefusedException"/> naming the problem.</summary>
    public static ExportHeader Check(string path) => Read(path, _ => { });

    /// <summary>Imports a file <see cref="Check"/> read to its end (giving <paramref name="header"/>): read once more, to store it.</summary>
    public ImportResult Import(string path, ExportHeader header)
    {
        var result = new ImportResult();
        if (nights.List(DateOnly.MinValue, DateOnly.MaxValue).Count == 0 && events.List(DateOnly.MinValue, DateOnly.MaxValue).Count == 0)
        {
            // A fresh database takes the settings, the device and the sleeper profile too.
            if (header.Settings is { } s)
            {
                settings.Save(s);
            }

            if (header.Device is { } d && devices.GetPaired() is null)
            {
                devices.SavePaired(d);
            }

            if (header.Sleeper is { } p && sleeper.Get() is null)
            {
                sleeper.Save(p);
                if (header.Learning is { } learning)
                {
                    sleeper.SaveLearning(learning);
                }
            }
        }

        // Reading and storing overlap (each night is parsed while the one before is written): on two cores, the time of the slower alone.
        using var parsed = new BlockingCollection<ExportedNight>(boundedCapacity: ReadAhead);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                Read(path, night => parsed.Add(night, stop.Token));
            }
            finally
            {
                parsed.CompleteAdding();
            }
        });
        try
        {
            foreach (var night in parsed.GetConsumingEnumerable())
            {
                Apply(night, result);
            }
        }
        catch
        {
            stop.Cancel(); // the reader stops at its next night instead of waiting for room
            reader.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw;
        }

        reader.GetAwaiter().GetResult(); // a fault reading the file (it changed since the check) ends the import
        return result;
    }

    /// <summary>How many parsed nights may wait for the writer: bounded memory (a night of seconds is a few MB).</summary>
    private const int ReadAhead = 4;

    /// <summary>
    /// One night, all or nothing across a crash: its seconds, diary and events first (each stored idempotently:
    /// seconds by the minute, the rest by id), the night's record last — the mark that it is complete. A
    /// kill -9 in between leaves no record, so importing again completes it instead of calling it "there already".
    /// </summary>
    private void Apply(ExportedNight night, ImportResult result)
    {
        var stored = night.Night is null ? null : nights.Get(night.Id);
        if (night.Night is { } recorded && stored is null && night.Seconds.Count > 0)
        {
            epochs.Append(night.Id, night.Seconds);
        }

        if (night.Diary is { } diary)
        {
            if (diaries.Get(night.Id) is not { } storedDiary)
            {
                diaries.Save(diary);
            }
            else if (storedDiary != diary)
            {
                result.Conflicts.Add($"night {night.Id}: the diary differs from the one stored (kept the stored one)");
            }
        }

        foreach (var cramp in night.Events)
        {
            if (events.Get(cramp.Id) is not { } storedEvent)
            {
                events.Save(cramp);
                result.Events++;
            }
            else if (!Same(storedEvent, cramp))
            {
                result.Conflicts.Add($"event {cramp.Id} ({ExportJson.Iso(cramp.At)}): differs from the one stored (kept the stored one)");
            }
        }

        if (night.Night is { } record)
        {
            if (stored is null)
            {
                nights.Save(record);
                result.Nights++;
                result.Seconds += night.Seconds.Count;
            }
            else if (Same(stored, record))
            {
                result.AlreadyThere++;
            }
            else
            {
                result.Conflicts.Add($"night {night.Id}: the recording differs from the one stored (kept the stored one)");
            }
        }
    }

    private static bool Same(Domain.Nights.Night a, Domain.Nights.Night b) =>
        a with { Gaps = [], PositionSeconds = null } == b with { Gaps = [], PositionSeconds = null } && a.Gaps.SequenceEqual(b.Gaps);

    private static bool Same(Domain.Cramps.CrampEvent a, Domain.Cramps.CrampEvent b) =>
        a with { Details = Domain.Cramps.CrampDetails.Empty } == b with { Details = Domain.Cramps.CrampDetails.Empty } &&
        a.Details with { WhatHelped = [] } == b.Details with { WhatHelped = [] } && a.Details.WhatHelped.SequenceEqual(b.Details.WhatHelped);

    /// <summary>Streams the file: the header, then each night handed to <paramref name="onNight"/>. Throws <see cref="FileRefusedException"/> for any fault.</summary>
    public static ExportHeader Read(string path, Action<ExportedNight> onNight)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileRefusedException($"{path}: {Storage.DatabaseFile.Reason(e)}", e);
        }

        using (stream)
        {
            try
            {
                return new Streamer(stream).Read(onNight);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or OverflowException)
            {
                var reason = e is JsonException json && json.Message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var cut and > 0 ? json.Message[..cut] : e.Message;
                throw new FileRefusedException($"{path} is not a NightLeg export that can be imported: {FirstLine(reason)}; nothing was imported", e);
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('.');
}
