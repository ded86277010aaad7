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

        Leg? leg = null;
        if (!string.IsNullOrWhiteSpace(report.Leg))
        {
            leg = ParseLeg(report.Leg);
            if (leg is null)
            {
                errors.Add(new("leg", "leg.unknown", [report.Leg.Trim()]));
            }
        }

        CrampLocation? location = null;
        if (!string.IsNullOrWhiteSpace(report.Location))
        {
            location = ParseLocation(report.Location);
            if (location is null)
            {
                errors.Add(new("location", "location.unknown", [report.Location.Trim()]));
            }
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
        else if (!string.IsNullOrWhiteSpace(report.BackToSleep))
        {
            backToSleep = report.BackToSleep.Trim().ToLowerInvariant() switch
            {
                "yes" or "ja" or "true" => BackToSleep.Yes,
                "no" or "nei" or "false" => BackToSleep.No,
                _ => null,
            };
            if (backToSleep is null)
            {
                errors.Add(new("backToSleep", "backToSleep.unknown"));
            }
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
            : Outcome<CrampDetails>.Success(new CrampDetails(leg, location, report.Intensity, duration, helped, backToSleep, note));
    }

    /// <summary>Reads a leg in English or Norwegian bokmål; null when it is not one.</summary>
    public static Leg? ParseLeg(string text) => text.Trim().ToLowerInvariant() switch
    {
        "left" or "venstre" or "l" => Leg.Left,
        "right" or "høyre" or "r" => Leg.Right,
        "both" or "begge" => Leg.Both,
        _ => null,
    };

    /// <summary>Reads a location in English or Norwegian bokmål; null when it is not one.</summary>
    public static CrampLocation? ParseLocation(string text) => text.Trim().ToLowerInvariant() switch
    {
        "calf" or "legg" or "leggen" => CrampLocation.Calf,
        "foot" or "fot" or "foten" => CrampLocation.Foot,
        "thigh" or "lår" or "låret" => CrampLocation.Thigh,
        "other" or "annet" => CrampLocation.Other,
        _ => null,
    };
}
