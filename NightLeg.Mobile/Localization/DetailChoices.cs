namespace NightLeg.Mobile.Localization;

/// <summary>
/// The taps a cramp's details are given with, and how a stored value reads back: a cramp lasts seconds to ten
/// minutes, sleep comes back in minutes to hours — chosen, not typed, at 7 a.m. One home for the form
/// (<c>DetailsForm</c>) and for the line that shows an answer (<see cref="Strings.Details"/>).
/// </summary>
public static class DetailChoices
{
    /// <summary>How long the cramp lasted: the seconds stored for each choice, and its label.</summary>
    public static IReadOnlyList<(int Seconds, string Label)> Durations { get; } = [(30, "< 1 min"), (90, "1–2 min"), (210, "2–5 min"), (450, "5–10 min"), (600, "10+ min")];

    /// <summary>How long until asleep again: the minutes stored for each choice, and its label.</summary>
    public static IReadOnlyList<(int Minutes, string Label)> SleepTimes { get; } = [(5, "< 10 min"), (20, "10–30 min"), (45, "½–1 h"), (90, "1 h +")];

    /// <summary>The choice a stored duration came from (the nearest).</summary>
    public static int DurationChoice(TimeSpan duration) => Durations.MinBy(x => Math.Abs(x.Seconds - duration.TotalSeconds)).Seconds;

    /// <summary>The choice a stored time to sleep came from (the nearest).</summary>
    public static int SleepChoice(TimeSpan after) => SleepTimes.MinBy(x => Math.Abs(x.Minutes - after.TotalMinutes)).Minutes;

    /// <summary>The label of a stored duration.</summary>
    public static string DurationLabel(TimeSpan duration) => Durations.First(x => x.Seconds == DurationChoice(duration)).Label;

    /// <summary>The label of a stored time to sleep.</summary>
    public static string SleepLabel(TimeSpan after) => SleepTimes.First(x => x.Minutes == SleepChoice(after)).Label;
}
