using NightLeg.Domain.Cramps;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.Localization;

public sealed partial class Strings
{
    /// <summary>
    /// A cramp's details in one line, as the user gave them: "Right · Calf · pain 6/10 · lasted 2–5 min ·
    /// helped: Stretch the calf · asleep again after 10–30 min"; empty when none were given.
    /// </summary>
    public string Details(CrampDetails details)
    {
        var parts = new List<string>();
        if (details.Leg is { } leg)
        {
            parts.Add(this[$"leg.{leg}"]);
        }

        if (details.Location is { } location)
        {
            parts.Add(this[$"location.{location}"]);
        }

        if (details.Intensity is { } intensity)
        {
            parts.Add(Format("event.intensity", intensity));
        }

        if (details.Duration is { } duration)
        {
            parts.Add(Format("event.lasted", DetailChoices.DurationLabel(duration)));
        }

        if (details.WhatHelped.Count > 0)
        {
            parts.Add(Format("event.helped", string.Join(", ", details.WhatHelped.Select(Helped))));
        }

        if (details.BackToSleep is { } sleep)
        {
            parts.Add(sleep.Slept ? sleep.After is { } after ? Format("event.sleptAfter", DetailChoices.SleepLabel(after)) : this["event.slept"] : this["event.notSlept"]);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>Kilometres in a mile.</summary>
    public const double KmPerMile = 1.609344;

    /// <summary>The unit's short name: "km" or "mi".</summary>
    public static string DistanceUnitName(DistanceUnit unit) => unit == DistanceUnit.Miles ? "mi" : "km";

    /// <summary>A run's distance (stored in km) in the user's unit: "18 km", "11 mi".</summary>
    public static string Distance(double km, DistanceUnit unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(unit == DistanceUnit.Miles ? km / KmPerMile : km):0} {DistanceUnitName(unit)}");

    /// <summary>A distance chip of the check-in (its middle, in km) in the user's unit: "≈18" or "≈11", the last "25+" or "15+".</summary>
    public static string DistanceChip(double km, bool last, DistanceUnit unit)
    {
        var value = unit == DistanceUnit.Miles ? km / KmPerMile : km;
        var rounded = value < 10 ? Math.Round(value * 2) / 2 : Math.Round(value);
        return last
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Floor(value):0}+")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"≈{rounded:0.#}");
    }
}
