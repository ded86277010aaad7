namespace NightLeg.Domain.Detection;

/// <summary>
/// Which detected events the morning review asks about. A cramp wakes the sleeper for minutes: the
/// cramp itself lasts from seconds up to about ten minutes and the calf stays sore, so falling asleep
/// again is delayed (../shared/CRAMPS.md; Allen &amp; Kirby 2012). Sleep back within
/// <see cref="BriefAwakeningWindow"/> of the onset is an ordinary brief awakening — healthy sleepers
/// have about a dozen a night (13.9 wake bouts a night in the real nights, 12.8 of them shorter
/// than three minutes) — and asking about each would make a review nobody does twice.
/// </summary>
public static class AwakeningReview
{
    /// <summary>
    /// Sleep back within this long of the onset makes an unanswered event a brief awakening. Three
    /// minutes: shorter than a cramp plus the soreness after it keeps anyone awake, long enough to
    /// cover the ordinary awakening (in the real nights 92 % of wake bouts are shorter).
    /// </summary>
    public static readonly TimeSpan BriefAwakeningWindow = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The review of an event whose awakening began at <paramref name="onset"/>: brief when nobody
    /// answered it in the night and sleep came back (<see cref="SleepReturnTracker"/>) within
    /// <see cref="BriefAwakeningWindow"/>; otherwise asked about. An answered event is always asked
    /// (it keeps its answer).
    /// </summary>
    public static ReviewKind Classify(DateTimeOffset onset, DateTimeOffset? asleepAgainAt, bool answered) =>
        !answered && asleepAgainAt is { } asleep && asleep - onset <= BriefAwakeningWindow ? ReviewKind.Brief : ReviewKind.Ask;
}
