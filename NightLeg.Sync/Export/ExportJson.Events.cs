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

/// <summary>A night's diary and its events (detection, answer, details), written and read back.</summary>
public static partial class ExportJson
{
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

    private static DayFactorsReport ToReport(DayFactors f) => new(f.Ran, f.RunKm, f.Effort, f.Surface, f.OtherHardTraining, f.NewShoes,
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
}
