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
        return "\"" + JsonEncodedText.Encode(text.Length > 80 ? text[..80] + "…" : text).ToString() + "\"";
    }

    /// <summary>
    /// One night as read back, from its JSON text: every part checked. Its seconds (tens of thousands) are read
    /// straight off the text, nothing allocated but the seconds themselves; the small parts as elements.
    /// </summary>
    public static ExportedNight ReadNight(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("a night is an object");
        }

        NightId? id = null;
        JsonDocument? recording = null, diary = null, events = null;
        List<SecondEpoch>? seconds = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("night"u8))
                {
                    reader.Read();
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (text is not { Length: > 0 })
                    {
                        throw new FormatException("night is missing or empty");
                    }

                    id = NightId.TryParse(text, out var parsed) ? parsed
                        : throw new FormatException($"night: {Quoted(text)} is not a night (yyyy-MM-dd@Zone, an IANA time zone, a year from 2000 to 2099)");
                    continue;
                }

                var part = reader.ValueTextEquals("recording"u8) ? 1 : reader.ValueTextEquals("diary"u8) ? 2 : reader.ValueTextEquals("events"u8) ? 3
                    : reader.ValueTextEquals("seconds"u8) ? 4 : 0;
                reader.Read();
                try
                {
                    switch (part)
                    {
                        case 1: recording = JsonDocument.ParseValue(ref reader); break;
                        case 2: diary = JsonDocument.ParseValue(ref reader); break;
                        case 3: events = JsonDocument.ParseValue(ref reader); break;
                        case 4: seconds = ReadSeconds(ref reader); break;
                        default: reader.Skip(); break;
                    }
                }
                catch (Exception ex) when (id is { } known && ex is InvalidOperationException or FormatException or OverflowException)
                {
                    throw new FormatException($"night {known}: {ex.Message}", ex);
                }
            }

            var night = id ?? throw new FormatException("night is missing or empty");
            return ReadNight(night, Required(recording, "recording"), Required(diary, "diary"), Required(events, "events"), seconds ?? throw new FormatException($"night {night}: seconds are missing"));
        }
        finally
        {
            recording?.Dispose();
            diary?.Dispose();
            events?.Dispose();
        }

        JsonElement Required(JsonDocument? document, string name) =>
            document?.RootElement ?? throw new FormatException(id is { } n ? $"night {n}: {name} is missing" : $"{name} is missing");
    }

    private static ExportedNight ReadNight(NightId id, JsonElement recording, JsonElement diaryElement, JsonElement eventsElement, List<SecondEpoch> seconds)
    {
        try
        {
            Night? night = null;
            if (recording is { ValueKind: JsonValueKind.Object } r)
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

            var diary = ReadDiary(id, diaryElement);
            var events = eventsElement.EnumerateArray().Select(x => ReadEvent(id, x)).ToList();
            return new ExportedNight(id, night, diary, events, seconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException or OverflowException)
        {
            throw new FormatException($"night {id}: {ex.Message}", ex);
        }
    }

    /// <summary>The seconds: an array of <see cref="ReadSecond"/>s, the reader on its start.</summary>
    private static List<SecondEpoch> ReadSeconds(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException("seconds are an array");
        }

        var seconds = new List<SecondEpoch>(9 * 3600);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            seconds.Add(ReadSecond(ref reader));
        }

        return seconds;
    }

    /// <summary>One second, <c>[unixSeconds, heartRateBpm, movementG]</c> or with the posture's <c>x, y, z</c> (−127…127), the reader on its start.</summary>
    private static SecondEpoch ReadSecond(ref Utf8JsonReader reader)
    {
        const string Shape = "a second is [unixSeconds, heartRateBpm, movementG] or with [x, y, z] of the posture";
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            throw new FormatException(Shape);
        }

        var start = reader.GetInt64();
        var heartRate = NextOptionalNumber(ref reader, Shape);
        var movement = NextOptionalNumber(ref reader, Shape);
        if (heartRate is < 0 or > 6553.5 || movement is < 0 or > 6.5535)
        {
            throw new FormatException("a second's heart rate or movement is out of range");
        }

        reader.Read();
        Posture? posture = null;
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            var x = PostureComponent(ref reader, Shape);
            reader.Read();
            var y = PostureComponent(ref reader, Shape);
            reader.Read();
            var z = PostureComponent(ref reader, Shape);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new FormatException(Shape);
            }

            posture = new Posture(x / 127.0, y / 127.0, z / 127.0);
        }

        return new SecondEpoch(DateTimeOffset.FromUnixTimeSeconds(start), heartRate, movement, posture);
    }

    private static double? NextOptionalNumber(ref Utf8JsonReader reader, string shape) =>
        !reader.Read() ? throw new FormatException(shape)
        : reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.Number ? reader.GetDouble()
        : throw new FormatException(shape);

    private static int PostureComponent(ref Utf8JsonReader reader, string shape) =>
        reader.TokenType != JsonTokenType.Number ? throw new FormatException(shape)
        : reader.GetInt32() is var v and >= -127 and <= 127 ? v
        : throw new FormatException("posture components are −127…127");
}
