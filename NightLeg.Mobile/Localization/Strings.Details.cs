using NightLeg.Domain.Cramps;
using NightLeg.Domain.Guidance;

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
            parts.Add(Format("event.helped", string.Join(", ", details.WhatHelped.Select(h => ReliefGuidance.Find(h) is { } step ? this[step.Title] : h))));
        }

        if (details.BackToSleep is { } sleep)
        {
            parts.Add(sleep.Slept ? sleep.After is { } after ? Format("event.sleptAfter", DetailChoices.SleepLabel(after)) : this["event.slept"] : this["event.notSlept"]);
        }

        return string.Join(" · ", parts);
    }
}
