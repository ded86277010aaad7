using LiteDB;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Samples;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;

namespace NightLeg.Sync.Storage;

/// <summary>
/// Domain records ↔ BSON, written out by hand so the stored shape is explicit and stable: instants
/// are unix milliseconds (LiteDB returns DateTimes as local time), enums are names.
/// </summary>
internal static class BsonMapping
{
    public static BsonValue Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static BsonValue Ms(DateTimeOffset? instant) => instant is { } i ? i.ToUnixTimeMilliseconds() : BsonValue.Null;

    public static DateTimeOffset Instant(BsonValue value) => DateTimeOffset.FromUnixTimeMilliseconds(value.AsInt64);

    public static DateTimeOffset? NullableInstant(BsonValue value) => value.IsNull ? null : Instant(value);

    public static BsonValue Number(double? value) => value is { } v ? v : BsonValue.Null;

    public static double? NullableNumber(BsonValue value) => value.IsNull ? null : value.AsDouble;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static BsonDocument ToBson(Night night) => new()
    {
        ["_id"] = night.Id.ToString(),
        ["date"] = Date(night.Id.EveningDate),
        ["zone"] = night.Id.TimeZoneId,
        ["recordingStart"] = Ms(night.RecordingStart),
        ["recordingEnd"] = Ms(night.RecordingEnd),
        ["explicitStart"] = Ms(night.ExplicitStart),
        ["explicitEnd"] = Ms(night.ExplicitEnd),
        ["sleepOnset"] = Ms(night.SleepOnset),
        ["finalAwakening"] = Ms(night.FinalAwakening),
        ["gaps"] = new BsonArray(night.Gaps.Select(g => new BsonDocument { ["start"] = Ms(g.Start), ["end"] = Ms(g.End), ["reason"] = g.Reason.ToString() })),
        ["asleepSeconds"] = night.Sleep.TimeAsleep.TotalSeconds,
        ["lowestBpm"] = Number(night.Sleep.LowestHeartRateBpm),
        ["typicalBpm"] = Number(night.Sleep.TypicalHeartRateBpm),
        ["batteryStart"] = night.BatteryAtStartPercent is { } b0 ? b0 : BsonValue.Null,
        ["batteryEnd"] = night.BatteryAtEndPercent is { } b1 ? b1 : BsonValue.Null,
        ["positions"] = night.PositionSeconds is { } positions
            ? new BsonDocument(positions.ToDictionary(p => p.Key.ToString(), p => new BsonValue(p.Value)))
            : BsonValue.Null,
    };

    public static Night ToNight(BsonDocument doc) => new(
        new NightId(DateOnly.ParseExact(doc["date"].AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), doc["zone"].AsString),
        Instant(doc["recordingStart"]),
        Instant(doc["recordingEnd"]),
        NullableInstant(doc["explicitStart"]),
        NullableInstant(doc["explicitEnd"]),
        NullableInstant(doc["sleepOnset"]),
        NullableInstant(doc["finalAwakening"]),
        doc["gaps"].AsArray.Select(g => new RecordingGap(Instant(g["start"]), Instant(g["end"]), Enum.Parse<GapReason>(g["reason"].AsString))).ToList(),
        new SleepStatistics(TimeSpan.FromSeconds(doc["asleepSeconds"].AsDouble), NullableNumber(doc["lowestBpm"]), NullableNumber(doc["typicalBpm"])),
        doc.TryGetValue("batteryStart", out var b0) && b0.IsNumber ? b0.AsInt32 : null,
        doc.TryGetValue("batteryEnd", out var b1) && b1.IsNumber ? b1.AsInt32 : null,
        doc.TryGetValue("positions", out var positions) && positions.IsDocument
            ? positions.AsDocument.Where(p => Enum.TryParse<BodyPosition>(p.Key, out _) && p.Value.IsNumber)
                .ToDictionary(p => Enum.Parse<BodyPosition>(p.Key), p => p.Value.AsInt32)
            : null);

    public static BsonDocument ToBson(CrampEvent cramp) => new()
    {
        ["_id"] = cramp.Id,
        ["night"] = cramp.Night.ToString(),
        ["date"] = Date(cramp.Night.EveningDate),
        ["at"] = Ms(cramp.At),
        ["source"] = cramp.Source.ToString(),
        ["detection"] = cramp.Detection is { } d ? new BsonDocument
        {
            ["onset"] = Ms(d.Onset),
            ["detectedAt"] = Ms(d.DetectedAt),
            ["baselineBpm"] = Number(d.BaselineHeartRateBpm),
            ["peakBpm"] = Number(d.PeakHeartRateBpm),
            ["activeSeconds"] = d.ActiveSeconds,
            ["postureDegrees"] = Number(d.PostureChangeDegrees),
            ["confidence"] = d.Confidence,
            ["evidence"] = d.Evidence.ToString(),
            ["position"] = d.Position?.ToString() ?? BsonValue.Null,
            ["outOfSettledSleep"] = d.OutOfSettledSleep,
        } : BsonValue.Null,
        ["answer"] = cramp.Answer?.ToString() ?? BsonValue.Null,
        ["answeredAt"] = Ms(cramp.AnsweredAt),
        ["status"] = cramp.Status.ToString(),
        ["details"] = new BsonDocument
        {
            ["leg"] = cramp.Details.Leg?.ToString() ?? BsonValue.Null,
            ["location"] = cramp.Details.Location?.ToString() ?? BsonValue.Null,
            ["intensity"] = cramp.Details.Intensity is { } i ? i : BsonValue.Null,
            ["durationSeconds"] = Number(cramp.Details.Duration?.TotalSeconds),
            ["whatHelped"] = new BsonArray(cramp.Details.WhatHelped.Select(h => new BsonValue(h))),
            ["backToSleep"] = cramp.Details.BackToSleep is { } b ? new BsonDocument { ["slept"] = b.Slept, ["afterSeconds"] = Number(b.After?.TotalSeconds) } : BsonValue.Null,
            ["note"] = cramp.Details.Note ?? BsonValue.Null,
        },
        ["dismissReason"] = cramp.DismissReason?.ToString() ?? BsonValue.Null,
        ["dismissNote"] = cramp.DismissNote ?? BsonValue.Null,
        ["asleepAgainAt"] = Ms(cramp.AsleepAgainAt),
        ["course"] = cramp.Course is { } c ? new BsonDocument
        {
            ["activeSeconds"] = c.ActiveSeconds is { } a ? a : BsonValue.Null,
            ["heartRateAfterBpm"] = Number(c.HeartRateAfterBpm),
            ["distressAt"] = Ms(c.DistressAt),
            ["likeDismissed"] = c.LikeDismissed,
        } : BsonValue.Null,
    };

    public static CrampEvent ToCrampEvent(BsonDocument doc)
    {
        NightId.TryParse(doc["night"].AsString, out var night);
        var d = doc["detection"];
        var details = doc["details"];
        var back = details["backToSleep"];
        return new CrampEvent(
            doc["_id"].AsGuid,
            night,
            Instant(doc["at"]),
            Enum.Parse<CrampEventSource>(doc["source"].AsString),
            d.IsNull ? null : new AwakeningDetected(Instant(d["onset"]), Instant(d["detectedAt"]), NullableNumber(d["baselineBpm"]), NullableNumber(d["peakBpm"]),
                d["activeSeconds"].AsInt32, NullableNumber(d["postureDegrees"]), d["confidence"].AsDouble, Enum.Parse<DetectionEvidence>(d["evidence"].AsString),
                d.AsDocument.TryGetValue("position", out var position) && position.IsString && Enum.TryParse<BodyPosition>(position.AsString, out var p) ? p : null,
                !d.AsDocument.TryGetValue("outOfSettledSleep", out var settled) || !settled.IsBoolean || settled.AsBoolean),
            doc["answer"].IsNull ? null : Enum.Parse<NightAnswer>(doc["answer"].AsString),
            NullableInstant(doc["answeredAt"]),
            Enum.Parse<ReviewStatus>(doc["status"].AsString),
            new CrampDetails(
                details["leg"].IsNull ? null : Enum.Parse<Leg>(details["leg"].AsString),
                details["location"].IsNull ? null : Enum.Parse<CrampLocation>(details["location"].AsString),
                details["intensity"].IsNull ? null : details["intensity"].AsInt32,
                details["durationSeconds"].IsNull ? null : TimeSpan.FromSeconds(details["durationSeconds"].AsDouble),
                details["whatHelped"].AsArray.Select(h => h.AsString).ToList(),
                back.IsNull ? null : new BackToSleep(back["slept"].AsBoolean, back["afterSeconds"].IsNull ? null : TimeSpan.FromSeconds(back["afterSeconds"].AsDouble)),
                details["note"].IsNull ? null : details["note"].AsString),
            doc["dismissReason"].IsNull ? null : Enum.Parse<DismissReason>(doc["dismissReason"].AsString),
            doc["dismissNote"].IsNull ? null : doc["dismissNote"].AsString,
            NullableInstant(doc["asleepAgainAt"]),
            doc.TryGetValue("course", out var c) && c.IsDocument
                ? new AwakeningCourse(c["activeSeconds"].IsNumber ? c["activeSeconds"].AsInt32 : null, NullableNumber(c["heartRateAfterBpm"]), NullableInstant(c["distressAt"]),
                    c["likeDismissed"].IsNumber ? Math.Max(0, c["likeDismissed"].AsInt32) : 0)
                : null);
    }

    public static BsonDocument ToBson(NightDiary diary) => new()
    {
        ["_id"] = diary.Night.ToString(),
        ["night"] = diary.Night.ToString(),
        ["date"] = Date(diary.Night.EveningDate),
        ["factors"] = diary.Factors is { } f ? new BsonDocument
        {
            ["ran"] = Bool(f.Ran),
            ["runKm"] = Number(f.RunKm),
            ["effort"] = f.Effort?.ToString() ?? BsonValue.Null,
            ["surface"] = f.Surface?.ToString() ?? BsonValue.Null,
            ["otherHardTraining"] = Bool(f.OtherHardTraining),
            ["newShoes"] = Bool(f.NewShoes),
            ["enoughToDrink"] = Bool(f.EnoughToDrink),
            ["alcohol"] = Bool(f.Alcohol),
            ["magnesiumOrSalt"] = Bool(f.MagnesiumOrSalt),
            ["heavyDuvet"] = Bool(f.HeavyDuvet),
            ["tags"] = new BsonArray(f.TagList.Select(t => new BsonValue(t))),
        } : BsonValue.Null,
        ["sleepDisturbance"] = diary.SleepDisturbance is { } d ? d : BsonValue.Null,
        ["lingeringPain"] = diary.LingeringPain is { } p ? new BsonDocument { ["had"] = p.Had, ["intensity"] = p.Intensity is { } i ? i : BsonValue.Null } : BsonValue.Null,
        ["checkedInAt"] = Ms(diary.CheckedInAt),
    };

    public static NightDiary ToDiary(BsonDocument doc)
    {
        NightId.TryParse(doc["night"].AsString, out var night);
        var f = doc["factors"];
        var pain = doc["lingeringPain"];
        return new NightDiary(
            night,
            f.IsNull ? null : new DayFactors(
                NullableBool(f["ran"]),
                NullableNumber(f["runKm"]),
                f["effort"].IsNull ? null : Enum.Parse<RunEffort>(f["effort"].AsString),
                f["surface"].IsNull ? null : Enum.Parse<RunSurface>(f["surface"].AsString),
                NullableBool(f["otherHardTraining"]),
                NullableBool(f["newShoes"]),
                NullableBool(f["enoughToDrink"]),
                NullableBool(f["alcohol"]),
                NullableBool(f["magnesiumOrSalt"]),
                NullableBool(f["heavyDuvet"]),
                f["tags"].AsArray.Select(t => t.AsString).ToList()),
            doc["sleepDisturbance"].IsNull ? null : doc["sleepDisturbance"].AsInt32,
            pain.IsNull ? null : new LingeringPain(pain["had"].AsBoolean, pain["intensity"].IsNull ? null : pain["intensity"].AsInt32),
            NullableInstant(doc["checkedInAt"]));
    }

    private static BsonValue Bool(bool? value) => value is { } v ? v : BsonValue.Null;

    private static bool? NullableBool(BsonValue value) => value.IsNull ? null : value.AsBoolean;
}
