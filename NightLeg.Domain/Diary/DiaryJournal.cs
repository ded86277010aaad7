using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Domain.Diary;

/// <summary>
/// The night diary: the evening check-in of the day's factors and the morning's answers about the
/// night (sleep disturbance, lingering pain). Validates every input before anything is written, so a
/// refused input leaves the stored diary as it was. Thread-safe when its repository is.
/// </summary>
public sealed class DiaryJournal(IDiaryRepository diaries, TimeProvider time)
{
    /// <summary>The longest run accepted, km.</summary>
    public const double MaximumRunKm = 300;

    /// <summary>Own tags per day.</summary>
    public const int MaximumTags = 8;

    /// <summary>Characters per tag.</summary>
    public const int MaximumTagLength = 24;

    /// <summary>The night's diary (empty when nothing was told).</summary>
    public NightDiary Get(NightId night) => diaries.Get(night) ?? NightDiary.Empty(night);

    /// <summary>Records (or replaces) the evening check-in of the day before <paramref name="night"/>.</summary>
    public Outcome<NightDiary> CheckIn(NightId night, DayFactorsReport report)
    {
        var validated = Validate(report);
        if (!validated.Succeeded)
        {
            return Outcome<NightDiary>.Failure(validated.Errors);
        }

        var diary = Get(night) with { Factors = validated.Value, CheckedInAt = time.GetUtcNow() };
        diaries.Save(diary);
        return Outcome<NightDiary>.Success(diary);
    }

    /// <summary>Records the morning's answers: sleep disturbance 0–10 and lingering pain (yes/no, 0–10); null leaves an answer as it was.</summary>
    public Outcome<NightDiary> RecordMorning(NightId night, int? sleepDisturbance, bool? lingeringPain, int? lingeringPainIntensity = null)
    {
        var errors = new List<ValidationError>();
        if (sleepDisturbance is < 0 or > 10)
        {
            errors.Add(new("sleepDisturbance", "sleepDisturbance.range", [sleepDisturbance]));
        }

        if (lingeringPainIntensity is < 0 or > 10)
        {
            errors.Add(new("lingeringPain", "lingeringPain.range", [lingeringPainIntensity]));
        }

        if (errors.Count > 0)
        {
            return Outcome<NightDiary>.Failure(errors);
        }

        var diary = Get(night);
        var pain = lingeringPain switch
        {
            null => diary.LingeringPain,
            false => new LingeringPain(false, null),
            true => new LingeringPain(true, lingeringPainIntensity ?? diary.LingeringPain?.Intensity),
        };
        diary = diary with { SleepDisturbance = sleepDisturbance ?? diary.SleepDisturbance, LingeringPain = pain };
        diaries.Save(diary);
        return Outcome<NightDiary>.Success(diary);
    }

    /// <summary>Turns an entered check-in into <see cref="DayFactors"/>, or says what is wrong.</summary>
    public static Outcome<DayFactors> Validate(DayFactorsReport report)
    {
        var errors = new List<ValidationError>();
        if (report.RunKm is { } km && (!double.IsFinite(km) || km < 0 || km > MaximumRunKm))
        {
            errors.Add(new("runKm", "runKm.range", [km, MaximumRunKm]));
        }

        var effort = report.Effort;
        if (effort is { } e && !Enum.IsDefined(e))
        {
            errors.Add(new("effort", "effort.unknown", [e.ToString()]));
        }

        var surface = report.Surface;
        if (surface is { } s && !Enum.IsDefined(s))
        {
            errors.Add(new("surface", "surface.unknown", [s.ToString()]));
        }
        var tags = new List<string>();
        foreach (var raw in report.Tags ?? [])
        {
            var tag = raw.Trim().ToLowerInvariant();
            if (tag.Length == 0 || tags.Contains(tag))
            {
                continue;
            }

            if (tag.Length > MaximumTagLength || tag.Any(char.IsControl))
            {
                errors.Add(new("tags", "tag.invalid", [MaximumTagLength]));
                break;
            }

            tags.Add(tag);
        }

        if (tags.Count > MaximumTags)
        {
            errors.Add(new("tags", "tags.tooMany", [MaximumTags]));
        }

        if (errors.Count > 0)
        {
            return Outcome<DayFactors>.Failure(errors);
        }

        // What the run was like only counts when there was a run.
        var ran = report.Ran ?? (report.RunKm > 0 || effort is not null || surface is not null ? true : null);
        return Outcome<DayFactors>.Success(new DayFactors(
            ran,
            ran == true ? report.RunKm : null,
            ran == true ? effort : null,
            ran == true ? surface : null,
            report.OtherHardTraining,
            report.NewShoes,
            report.EnoughToDrink,
            report.Alcohol,
            report.MagnesiumOrSalt,
            report.HeavyDuvet,
            tags));
    }
}
