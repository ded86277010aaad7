using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>All data out, on the user's request only: JSON (nights, events, seconds) and CSV (seconds), streamed.</summary>
public static class ExportEndpoints
{
    public static void MapExport(this WebApplication app)
    {
        app.MapGet("/export/nightleg.json", async (HttpContext http, INightRepository nights, ICrampEventRepository events, IEpochRepository epochs) =>
        {
            http.Response.ContentType = "application/json";
            http.Response.Headers.ContentDisposition = "attachment; filename=nightleg.json";
            await using var json = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Indented = false });
            json.WriteStartObject();
            json.WriteString("format", "nightleg-export 1");
            json.WriteStartArray("nights");
            foreach (var night in nights.List(DateOnly.MinValue, DateOnly.MaxValue))
            {
                WriteNight(json, night, events.ForNight(night.Id), epochs);
                await json.FlushAsync();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

        app.MapGet("/export/nightleg.csv", async (HttpContext http, INightRepository nights, IEpochRepository epochs) =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=nightleg.csv";
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), 1 << 16);
            await writer.WriteLineAsync("night,time_utc,heart_rate_bpm,movement_g");
            foreach (var night in nights.List(DateOnly.MinValue, DateOnly.MaxValue))
            {
                foreach (var e in epochs.Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1)))
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{night.Id},{e.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{e.HeartRateBpm:0.#},{e.MovementG:0.####}"));
                }
            }
        });
    }

    private static void WriteNight(Utf8JsonWriter json, Night night, IReadOnlyList<CrampEvent> events, IEpochRepository epochs)
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
        foreach (var e in events)
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
}
