using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
namespace NightLeg.Sync.Export;

/// <summary>A night: its record, diary, events and seconds, written and read back.</summary>
public static partial class ExportJson
{
    /// <summary>One night: its recording (or null when it was not recorded), its diary, its events and its seconds.</summary>
    public static void WriteNight(Utf8JsonWriter json, NightId id, Night? night, NightDiary? diary, IReadOnlyList<CrampEvent> events, IEnumerable<SecondEpoch> seconds)
    {
        json.WriteStartObject();
        json.WriteString("night", id.ToString());
        if (night is null)
        {
            json.WriteNull("recording");
        }
        else
        {
            json.WriteStartObject("recording");
            json.WriteString("start", Iso(night.RecordingStart));
            json.WriteString("end", Iso(night.RecordingEnd));
            json.WriteString("explicitStart", Iso(night.ExplicitStart));
            json.WriteString("explicitEnd", Iso(night.ExplicitEnd));
            json.WriteString("sleepOnset", Iso(night.SleepOnset));
            json.WriteString("finalAwakening", Iso(night.FinalAwakening));
            json.WriteNumber("asleepSeconds", night.Sleep.TimeAsleep.TotalSeconds);
            Number(json, "lowestHeartRateBpm", night.Sleep.LowestHeartRateBpm);
            Number(json, "typicalHeartRateBpm", night.Sleep.TypicalHeartRateBpm);
            Number(json, "batteryStartPercent", night.BatteryAtStartPercent);
            Number(json, "batteryEndPercent", night.BatteryAtEndPercent);
            json.WriteStartArray("gaps");
            foreach (var gap in night.Gaps)
            {
                json.WriteStartObject();
                json.WriteString("start", Iso(gap.Start));
                json.WriteString("end", Iso(gap.End));
                json.WriteString("reason", gap.Reason.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (night.PositionSeconds is { } positions)
            {
                json.WriteStartObject("positionSeconds");
                foreach (var position in Enum.GetValues<BodyPosition>().Where(positions.ContainsKey))
                {
                    json.WriteNumber(position.ToString(), positions[position]);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("positionSeconds");
            }

            json.WriteEndObject();
        }

        WriteDiary(json, diary);
        json.WriteStartArray("events");
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            WriteEvent(json, e);
        }

        json.WriteEndArray();
        json.WriteStartArray("seconds");
        foreach (var s in seconds)
        {
            json.WriteStartArray();
            json.WriteNumberValue(s.Start.ToUnixTimeSeconds());
            NumberValue(json, s.HeartRateBpm);
            NumberValue(json, s.MovementG);
            if (s.Posture is { } p)
            {
                json.WriteNumberValue((int)Math.Round(p.X * 127));
                json.WriteNumberValue((int)Math.Round(p.Y * 127));
                json.WriteNumberValue((int)Math.Round(p.Z * 127));
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Text from the file quoted for a one-line message: control characters escaped, at most 80 characters.</summary>
    private static string Quoted(string text)
    {
        var escaped = System.Text.Json.JsonSerializer.Serialize(text.Length > 80 ? text[..80] + "…" : text);
        return escaped;
    }

    /// <summary>One night as read back: every part checked.</summary>
    public static ExportedNight ReadNight(JsonElement e)
    {
        var text = RequiredString(e, "night");
        if (!NightId.TryParse(text, out var id))
        {
            throw new FormatException($"night: {Quoted(text)} is not a night (yyyy-MM-dd@Zone, an IANA time zone, a year from 2000 to 2099)");
        }

        try
        {
            Night? night = null;
            if (e.GetProperty("recording") is { ValueKind: JsonValueKind.Object } r)
            {
                var positions = r.GetProperty("positionSeconds");
                night = new Night(id,
                    RequiredInstant(r, "start"), RequiredInstant(r, "end"),
                    OptionalInstant(r, "explicitStart"), OptionalInstant(r, "explicitEnd"),
                    OptionalInstant(r, "sleepOnset"), OptionalInstant(r, "finalAwakening"),
                    r.GetProperty("gaps").EnumerateArray().Select(g => new RecordingGap(RequiredInstant(g, "start"), RequiredInstant(g, "end"), RequiredEnum<GapReason>(g, "reason"))).ToList(),
                    new SleepStatistics(TimeSpan.FromSeconds(r.GetProperty("asleepSeconds").GetDouble()), OptionalDouble(r, "lowestHeartRateBpm"), OptionalDouble(r, "typicalHeartRateBpm")),
                    OptionalInt(r, "batteryStartPercent"), OptionalInt(r, "batteryEndPercent"),
                    positions.ValueKind == JsonValueKind.Null ? null : positions.EnumerateObject().ToDictionary(p => Enum.Parse<BodyPosition>(p.Name), p => p.Value.GetInt32()));
            }

            var diary = ReadDiary(id, e.GetProperty("diary"));
            var events = e.GetProperty("events").EnumerateArray().Select(x => ReadEvent(id, x)).ToList();
            var seconds = e.GetProperty("seconds").EnumerateArray().Select(ReadSecond).ToList();
            return new ExportedNight(id, night, diary, events, seconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException or OverflowException)
        {
            throw new FormatException($"night {id}: {ex.Message}", ex);
        }
    }

    private static SecondEpoch ReadSecond(JsonElement e)
    {
        var values = e.EnumerateArray().ToList();
        if (values.Count is not (3 or 6))
        {
            throw new FormatException("a second is [unixSeconds, heartRateBpm, movementG] or with [x, y, z] of the posture");
        }

        double? Value(int i) => values[i].ValueKind == JsonValueKind.Null ? null : values[i].GetDouble();
        var heartRate = Value(1);
        var movement = Value(2);
        if (heartRate is < 0 or > 6553.5 || movement is < 0 or > 6.5535)
        {
            throw new FormatException("a second's heart rate or movement is out of range");
        }

        Posture? posture = null;
        if (values.Count == 6)
        {
            var p = values.Skip(3).Select(v => v.GetInt32()).ToList();
            posture = p.All(v => v is >= -127 and <= 127) ? new Posture(p[0] / 127.0, p[1] / 127.0, p[2] / 127.0) : throw new FormatException("posture components are −127…127");
        }

        return new SecondEpoch(DateTimeOffset.FromUnixTimeSeconds(values[0].GetInt64()), heartRate, movement, posture);
    }
}
