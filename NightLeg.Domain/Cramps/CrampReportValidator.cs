namespace NightLeg.Domain.Cramps;

/// <summary>
/// Checks a <see cref="CrampReport"/> and turns it into <see cref="CrampDetails"/>. Pure and
/// thread-safe. Limits come from ../shared/CRAMPS.md: a cramp lasts seconds up to about ten minutes.
/// </summary>
public static class CrampReportValidator
{
    /// <summary>Longest cramp we accept: 3× the ≈10 min the literature reports, for a user's rough guess.</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromMinutes(30);

    /// <summary>Longest wait to fall asleep again we accept (a whole night).</summary>
    public const int MaximumBackToSleepMinutes = 12 * 60;

    /// <summary>Longest free note, in characters.</summary>
    public const int MaximumNoteLength = 1000;

    /// <summary>Validates every field at once, so the user sees all problems together.</summary>
    public static Outcome<CrampDetails> Validate(CrampReport report)
    {
        var errors = new List<ValidationError>();
        if (report.Leg is { } leg && !Enum.IsDefined(leg))
        {
            errors.Add(new("leg", "leg.unknown", [leg.ToString()]));
        }

        if (report.Location is { } location && !Enum.IsDefined(location))
        {
            errors.Add(new("location", "location.unknown", [location.ToString()]));
        }

        if (report.Intensity is < 0 or > 10)
        {
            errors.Add(new("intensity", "intensity.range", [report.Intensity!]));
        }

        TimeSpan? duration = null;
        if (report.DurationSeconds is { } seconds)
        {
            duration = TimeSpan.FromSeconds(seconds);
            if (seconds <= 0)
            {
                errors.Add(new("duration", "duration.positive"));
            }
            else if (duration > MaximumDuration)
            {
                errors.Add(new("duration", "duration.tooLong",
                    [Math.Round(duration.Value.TotalMinutes), MaximumDuration.TotalMinutes]));
            }
        }

        BackToSleep? backToSleep = null;
        if (report.BackToSleepAfterMinutes is { } minutes)
        {
            if (minutes is < 0 or > MaximumBackToSleepMinutes)
            {
                errors.Add(new("backToSleep", "backToSleep.range", [MaximumBackToSleepMinutes / 60]));
            }
            else
            {
                backToSleep = BackToSleep.AfterDuration(TimeSpan.FromMinutes(minutes));
            }
        }
        else if (report.BackToSleep is { } slept)
        {
            backToSleep = slept ? BackToSleep.Yes : BackToSleep.No;
        }

        var note = string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim();
        if (note?.Length > MaximumNoteLength)
        {
            errors.Add(new("note", "note.tooLong", [note.Length, MaximumNoteLength]));
        }

        var helped = (report.WhatHelped ?? []).Select(h => h.Trim()).Where(h => h.Length > 0).Distinct().ToList();
        if (helped.Any(h => h.Length > 100))
        {
            errors.Add(new("whatHelped", "whatHelped.tooLong", [100]));
        }

        return errors.Count > 0
            ? Outcome<CrampDetails>.Failure(errors)
            : Outcome<CrampDetails>.Success(new CrampDetails(report.Leg, report.Location, report.Intensity, duration, helped, backToSleep, note));
    }
}
