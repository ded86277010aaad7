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

/// <summary>
/// The <c>nightleg-export</c> format, one place for both directions: each record is written and read
/// here, field by field, so the two cannot drift apart (docs/export-format.md and
/// docs/export.schema.json describe it). Writing is deterministic — fixed field order, instants as
/// UTC ISO-8601 with milliseconds, numbers as stored — so export → import → export gives the same
/// bytes. Reading checks every field and throws <see cref="FormatException"/> naming it.
/// </summary>
public static class ExportJson
{
    /// <summary>The format's name, the value of <c>format</c>.</summary>
    public const string FormatName = "nightleg-export";

    /// <summary>The version this build writes and reads (and every older one).</summary>
    public const int Version = 2;

    public static void WriteSettings(Utf8JsonWriter json, UserSettings settings)
    {
        json.WriteStartObject("settings");
        json.WriteString("language", settings.Language?.ToString());
        json.WriteString("sensitivity", settings.Sensitivity.ToString());
        json.WriteString("timeZone", settings.TimeZoneId);
        json.WriteBoolean("promptSound", settings.PromptSound);
        json.WriteEndObject();
    }

    public static UserSettings ReadSettings(JsonElement e) => new(
        OptionalEnum<Language>(e, "language"),
        RequiredEnum<Sensitivity>(e, "sensitivity"),
        OptionalString(e, "timeZone"),
        e.GetProperty("promptSound").GetBoolean());

    public static void WriteDevice(Utf8JsonWriter json, PairedDevice? device)
    {
        if (device is null)
        {
            json.WriteNull("device");
            return;
        }

        json.WriteStartObject("device");
        json.WriteString("id", device.Id);
        json.WriteString("name", device.Name);
        json.WriteString("family", device.FamilyId);
        json.WriteString("pairedAt", Iso(device.PairedAt));
        json.WriteBoolean("demo", device.IsDemo);
        json.WriteEndObject();
    }

    public static PairedDevice? ReadDevice(JsonElement e) => e.ValueKind == JsonValueKind.Null
        ? null
        : new PairedDevice(RequiredString(e, "id"), RequiredString(e, "name"), RequiredString(e, "family"), RequiredInstant(e, "pairedAt"), e.GetProperty("demo").GetBoolean());

    public static void WriteSleeper(Utf8JsonWriter json, SleeperProfile? sleeper, SleeperLearning? learning = null)
    {
        if (sleeper is null)
        {
            json.WriteNull("sleeper");
            return;
        }

        json.WriteStartObject("sleeper");
        json.WriteStartArray("riseSeconds");
        foreach (var v in sleeper.RiseSeconds)
        {
            json.WriteNumberValue(Math.Round(v, 2));
        }

        json.WriteEndArray();
        if (learning is { IsEmpty: false } l)
        {
            json.WriteStartObject("learning");
            json.WriteNumber("movementLevel", Math.Round(l.MovementLevel, 4));
            if (l.MovementFloor is { } floor)
            {
                json.WriteNumber("movementFloor", Math.Round(floor, 4));
            }
            else
            {
                json.WriteNull("movementFloor");
            }

            foreach (var (name, examples) in new[] { ("dismissed", l.Dismissed), ("confirmed", l.Confirmed) })
            {
                json.WriteStartArray(name);
                foreach (var e in examples)
                {
                    json.WriteStartObject();
                    Number(json, "activeSeconds", e.ActiveSeconds);
                    Number(json, "heartRateAfterBpm", e.HeartRateAfterBpm);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static (SleeperProfile? Profile, SleeperLearning? Learning) ReadSleeper(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        var bins = e.GetProperty("riseSeconds").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var profile = bins.Count == SleeperProfile.Bins && bins.All(v => double.IsFinite(v) && v >= 0)
            ? new SleeperProfile(bins)
            : throw new FormatException($"sleeper.riseSeconds: expected {SleeperProfile.Bins} non-negative numbers");
        if (!e.TryGetProperty("learning", out var l) || l.ValueKind == JsonValueKind.Null)
        {
            return (profile, null);
        }

        double Level(string name) => l.GetProperty(name).GetDouble() is var v && double.IsFinite(v) && v >= 1 && v <= SleeperLearning.MaximumMovementLevel
            ? v
            : throw new FormatException($"sleeper.learning.{name} is 1–{SleeperLearning.MaximumMovementLevel}");
        List<CourseExample> Examples(string name) => l.GetProperty(name).EnumerateArray()
            .Select(x => new CourseExample(OptionalInt(x, "activeSeconds") is { } a && a >= 0 ? a : null, OptionalDouble(x, "heartRateAfterBpm")))
            .TakeLast(SleeperLearning.Remembered).ToList();
        return (profile, new SleeperLearning(Level("movementLevel"), Examples("dismissed"), Examples("confirmed"),
            l.GetProperty("movementFloor").ValueKind == JsonValueKind.Null ? null : Level("movementFloor")));
    }

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

    private static void WriteDiary(Utf8JsonWriter json, NightDiary? diary)
    {
        if (diary is null)
        {
            json.WriteNull("diary");
            return;
        }

        json.WriteStartObject("diary");
        if (diary.Factors is { } f)
        {
            json.WriteStartObject("day");
            Bool(json, "ran", f.Ran);
            Number(json, "runKm", f.RunKm);
            json.WriteString("effort", f.Effort?.ToString());
            json.WriteString("surface", f.Surface?.ToString());
            Bool(json, "otherHardTraining", f.OtherHardTraining);
            Bool(json, "newShoes", f.NewShoes);
            Bool(json, "enoughToDrink", f.EnoughToDrink);
            Bool(json, "alcohol", f.Alcohol);
            Bool(json, "magnesiumOrSalt", f.MagnesiumOrSalt);
            Bool(json, "heavyDuvet", f.HeavyDuvet);
            json.WriteStartArray("tags");
            foreach (var tag in f.TagList)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("day");
        }

        Number(json, "sleepDisturbance", diary.SleepDisturbance);
        if (diary.LingeringPain is { } pain)
        {
            json.WriteStartObject("lingeringPain");
            json.WriteBoolean("had", pain.Had);
            Number(json, "intensity", pain.Intensity);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("lingeringPain");
        }

        json.WriteString("checkedInAt", Iso(diary.CheckedInAt));
        json.WriteEndObject();
    }

    private static NightDiary? ReadDiary(NightId id, JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        DayFactors? day = null;
        if (e.GetProperty("day") is { ValueKind: JsonValueKind.Object } d)
        {
            day = new DayFactors(OptionalBool(d, "ran"), OptionalDouble(d, "runKm"), OptionalEnum<RunEffort>(d, "effort"), OptionalEnum<RunSurface>(d, "surface"),
                OptionalBool(d, "otherHardTraining"), OptionalBool(d, "newShoes"), OptionalBool(d, "enoughToDrink"), OptionalBool(d, "alcohol"),
                OptionalBool(d, "magnesiumOrSalt"), OptionalBool(d, "heavyDuvet"), d.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList());
            if (!Domain.Diary.DiaryJournal.Validate(ToReport(day)).Succeeded)
            {
                throw new FormatException("diary.day: a value is out of range");
            }
        }

        var pain = e.GetProperty("lingeringPain");
        var disturbance = OptionalInt(e, "sleepDisturbance");
        var painIntensity = pain.ValueKind == JsonValueKind.Null ? null : OptionalInt(pain, "intensity");
        if (disturbance is < 0 or > 10 || painIntensity is < 0 or > 10)
        {
            throw new FormatException("diary: sleepDisturbance and lingeringPain.intensity are 0–10");
        }

        return new NightDiary(id, day, disturbance, pain.ValueKind == JsonValueKind.Null ? null : new LingeringPain(pain.GetProperty("had").GetBoolean(), painIntensity),
            OptionalInstant(e, "checkedInAt"));
    }

    private static DayFactorsReport ToReport(DayFactors f) => new(f.Ran, f.RunKm, f.Effort?.ToString(), f.Surface?.ToString(), f.OtherHardTraining, f.NewShoes,
        f.EnoughToDrink, f.Alcohol, f.MagnesiumOrSalt, f.HeavyDuvet, f.TagList);

    private static void WriteEvent(Utf8JsonWriter json, CrampEvent e)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Id.ToString("D"));
        json.WriteString("at", Iso(e.At));
        json.WriteString("source", e.Source.ToString());
        if (e.Detection is { } d)
        {
            json.WriteStartObject("detection");
            json.WriteString("onset", Iso(d.Onset));
            json.WriteString("detectedAt", Iso(d.DetectedAt));
            Number(json, "baselineHeartRateBpm", d.BaselineHeartRateBpm);
            Number(json, "peakHeartRateBpm", d.PeakHeartRateBpm);
            json.WriteNumber("activeSeconds", d.ActiveSeconds);
            Number(json, "postureChangeDegrees", d.PostureChangeDegrees);
            json.WriteNumber("confidence", d.Confidence);
            json.WriteString("evidence", d.Evidence.ToString());
            json.WriteString("position", d.Position?.ToString());
            json.WriteBoolean("outOfSettledSleep", d.OutOfSettledSleep);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("detection");
        }

        json.WriteString("answer", e.Answer?.ToString());
        json.WriteString("answeredAt", Iso(e.AnsweredAt));
        json.WriteString("status", e.Status.ToString());
        json.WriteStartObject("details");
        json.WriteString("leg", e.Details.Leg?.ToString());
        json.WriteString("location", e.Details.Location?.ToString());
        Number(json, "intensity", e.Details.Intensity);
        Number(json, "durationSeconds", e.Details.Duration?.TotalSeconds);
        json.WriteStartArray("whatHelped");
        foreach (var h in e.Details.WhatHelped)
        {
            json.WriteStringValue(h);
        }

        json.WriteEndArray();
        if (e.Details.BackToSleep is { } back)
        {
            json.WriteStartObject("backToSleep");
            json.WriteBoolean("slept", back.Slept);
            Number(json, "afterSeconds", back.After?.TotalSeconds);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("backToSleep");
        }

        json.WriteString("note", e.Details.Note);
        json.WriteEndObject();
        json.WriteString("dismissReason", e.DismissReason?.ToString());
        json.WriteString("dismissNote", e.DismissNote);
        json.WriteString("asleepAgainAt", Iso(e.AsleepAgainAt));
        if (e.Course is { } course)
        {
            json.WriteStartObject("course");
            Number(json, "activeSeconds", course.ActiveSeconds);
            Number(json, "heartRateAfterBpm", course.HeartRateAfterBpm);
            json.WriteString("distressAt", Iso(course.DistressAt));
            json.WriteNumber("likeDismissed", course.LikeDismissed);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("course");
        }

        json.WriteEndObject();
    }

    private static CrampEvent ReadEvent(NightId night, JsonElement e)
    {
        var details = e.GetProperty("details");
        var back = details.GetProperty("backToSleep");
        var d = e.GetProperty("detection");
        var intensity = OptionalInt(details, "intensity");
        if (intensity is < 0 or > 10)
        {
            throw new FormatException("event details.intensity is 0–10");
        }

        return new CrampEvent(
            Guid.ParseExact(RequiredString(e, "id"), "D"),
            night,
            RequiredInstant(e, "at"),
            RequiredEnum<CrampEventSource>(e, "source"),
            d.ValueKind == JsonValueKind.Null ? null : new AwakeningDetected(RequiredInstant(d, "onset"), RequiredInstant(d, "detectedAt"),
                OptionalDouble(d, "baselineHeartRateBpm"), OptionalDouble(d, "peakHeartRateBpm"), d.GetProperty("activeSeconds").GetInt32(),
                OptionalDouble(d, "postureChangeDegrees"), d.GetProperty("confidence").GetDouble(), RequiredEnum<DetectionEvidence>(d, "evidence"),
                OptionalEnum<BodyPosition>(d, "position"),
                !d.TryGetProperty("outOfSettledSleep", out var settled) || settled.ValueKind != JsonValueKind.False),
            OptionalEnum<NightAnswer>(e, "answer"),
            OptionalInstant(e, "answeredAt"),
            RequiredEnum<ReviewStatus>(e, "status"),
            new CrampDetails(OptionalEnum<Leg>(details, "leg"), OptionalEnum<CrampLocation>(details, "location"), intensity,
                OptionalDouble(details, "durationSeconds") is { } duration ? TimeSpan.FromSeconds(duration) : null,
                details.GetProperty("whatHelped").EnumerateArray().Select(h => h.GetString() ?? throw new FormatException("whatHelped holds a non-string")).ToList(),
                back.ValueKind == JsonValueKind.Null ? null : new BackToSleep(back.GetProperty("slept").GetBoolean(), OptionalDouble(back, "afterSeconds") is { } after ? TimeSpan.FromSeconds(after) : null),
                OptionalString(details, "note")),
            OptionalEnum<DismissReason>(e, "dismissReason"),
            OptionalString(e, "dismissNote"),
            OptionalInstant(e, "asleepAgainAt"),
            ReadCourse(e));
    }

    /// <summary>An event's course: absent in exports made before it existed.</summary>
    private static AwakeningCourse? ReadCourse(JsonElement e)
    {
        if (!e.TryGetProperty("course", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var like = OptionalInt(c, "likeDismissed") ?? 0;
        if (like is < 0 or > SleeperLearning.Remembered)
        {
            throw new FormatException($"event course.likeDismissed is 0–{SleeperLearning.Remembered}");
        }

        return new AwakeningCourse(OptionalInt(c, "activeSeconds"), OptionalDouble(c, "heartRateAfterBpm"), OptionalInstant(c, "distressAt"), like);
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

    public static string? Iso(DateTimeOffset? instant) => instant?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void NumberValue(Utf8JsonWriter json, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void Bool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } v)
        {
            json.WriteBoolean(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string RequiredString(JsonElement e, string name) =>
        e.GetProperty(name).GetString() is { Length: > 0 } s ? s : throw new FormatException($"{name} is missing or empty");

    private static string? OptionalString(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static double? OptionalDouble(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    private static int? OptionalInt(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    private static bool? OptionalBool(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetBoolean();

    private static DateTimeOffset RequiredInstant(JsonElement e, string name) =>
        OptionalInstant(e, name) ?? throw new FormatException($"{name} is missing");

    private static DateTimeOffset? OptionalInstant(JsonElement e, string name)
    {
        var value = e.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FormatException($"{name}: \"{value.GetString()}\" is not a UTC instant (yyyy-MM-ddTHH:mm:ss.fffZ)");
    }

    private static T RequiredEnum<T>(JsonElement e, string name)
        where T : struct, Enum =>
        OptionalEnum<T>(e, name) ?? throw new FormatException($"{name} is missing");

    private static T? OptionalEnum<T>(JsonElement e, string name)
        where T : struct, Enum
    {
        var value = e.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Enum.TryParse<T>(value.GetString(), ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"{name}: \"{value.GetString()}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }
}
