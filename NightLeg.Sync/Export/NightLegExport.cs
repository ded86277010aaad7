using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Export;

/// <summary>
/// Everything out, on the user's request only: JSON (<c>nightleg-export 1</c>: nights with their
/// gaps, events and seconds) or CSV (the seconds). Written night by night: each night is composed
/// in memory (one night is ≈1 MB at most) and written only when whole, so a night that cannot be
/// read (a damaged database) is left out and named, and the rest still comes out. Streams; memory
/// stays bounded by one night.
/// </summary>
public sealed class NightLegExport(INightRepository nights, ICrampEventRepository events, IEpochRepository epochs)
{
    /// <summary>The format's name and version, the first field of the JSON.</summary>
    public const string Format = "nightleg-export 1";

    /// <summary>Writes the JSON export; returns what could not be read (empty when everything was).</summary>
    public async Task<ExportResult> WriteJsonAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var (list, listProblem) = ListNights();
        var written = 0;
        var skipped = new List<string>();
        await using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartArray("nights");
            await json.FlushAsync(cancellationToken);
            foreach (var night in list)
            {
                byte[] one;
                try
                {
                    one = NightJson(night);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    skipped.Add($"{night.Id}: {e.Message}");
                    continue;
                }

                json.WriteRawValue(one, skipInputValidation: true);
                await json.FlushAsync(cancellationToken);
                written++;
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (listProblem is not null)
        {
            skipped.Insert(0, listProblem);
        }

        return new ExportResult(written, skipped);
    }

    /// <summary>Writes the CSV export (one line per recorded second); returns what could not be read.</summary>
    public async Task<ExportResult> WriteCsvAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var (list, listProblem) = ListNights();
        var written = 0;
        var skipped = new List<string>();
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteLineAsync("night,time_utc,heart_rate_bpm,movement_g");
        foreach (var night in list)
        {
            var lines = new System.Text.StringBuilder();
            try
            {
                foreach (var e in epochs.Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1)))
                {
                    lines.Append(CultureInfo.InvariantCulture, $"{night.Id},{e.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{e.HeartRateBpm:0.#},{e.MovementG:0.####}\n");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                skipped.Add($"{night.Id}: {e.Message}");
                continue;
            }

            await writer.WriteAsync(lines, cancellationToken);
            written++;
        }

        if (listProblem is not null)
        {
            skipped.Insert(0, listProblem);
        }

        return new ExportResult(written, skipped);
    }

    private (IReadOnlyList<Night> Nights, string? Problem) ListNights()
    {
        try
        {
            return (nights.List(DateOnly.MinValue, DateOnly.MaxValue), null);
        }
        catch (Exception e)
        {
            return ([], $"the list of nights: {e.Message}");
        }
    }

    private byte[] NightJson(Night night)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("night", night.Id.ToString());
            json.WriteString("start", night.Start);
            json.WriteString("end", night.End);
            json.WriteNumber("asleepMinutes", Math.Round(night.Sleep.TimeAsleep.TotalMinutes));
            json.WriteStartArray("gaps");
            foreach (var gap in night.Gaps)
            {
                json.WriteStartObject();
                json.WriteString("start", gap.Start);
                json.WriteString("end", gap.End);
                json.WriteString("reason", gap.Reason.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("events");
            foreach (var e in events.ForNight(night.Id))
            {
                WriteEvent(json, e);
            }

            json.WriteEndArray();
            json.WriteStartArray("seconds");
            foreach (var s in epochs.Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1)))
            {
                json.WriteStartArray();
                json.WriteNumberValue(s.Start.ToUnixTimeSeconds());
                if (s.HeartRateBpm is { } hr)
                {
                    json.WriteNumberValue(hr);
                }
                else
                {
                    json.WriteNullValue();
                }

                if (s.MovementG is { } g)
                {
                    json.WriteNumberValue(Math.Round(g, 4));
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteEvent(Utf8JsonWriter json, CrampEvent e)
    {
        json.WriteStartObject();
        json.WriteString("at", e.At);
        json.WriteString("source", e.Source.ToString());
        json.WriteString("status", e.Status.ToString());
        json.WriteString("answer", e.Answer?.ToString());
        json.WriteString("leg", e.Details.Leg?.ToString());
        json.WriteString("location", e.Details.Location?.ToString());
        if (e.Details.Intensity is { } intensity)
        {
            json.WriteNumber("intensity", intensity);
        }

        json.WriteString("dismissReason", e.DismissReason?.ToString());
        json.WriteString("note", e.Details.Note);
        json.WriteEndObject();
    }
}
