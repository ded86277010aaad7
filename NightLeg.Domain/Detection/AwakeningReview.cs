namespace NightLeg.Domain.Detection;

/// <summary>
/// Which detected events the morning review asks about: only those that may have been a cramp. A
/// cramp wakes the sleeper for minutes — it lasts from seconds up to about ten minutes, the calf stays
/// sore and falling asleep again is delayed — and it keeps the leg and body working while it lasts
/// (grabbing the calf, flexing the foot, standing) with the heart rate up (../shared/CRAMPS.md; Allen
/// &amp; Kirby 2012). Healthy sleepers wake about a dozen times a night, most of them briefly, and some
/// lie awake a while or turn over a few times; asking about each would make a review nobody does twice.
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
    /// With motion, an awakening looks like a cramp when the body worked at least this many seconds of
    /// its first five minutes with the heart still up afterwards (<see cref="HeartStayedUpBpm"/>): tens of
    /// seconds of leg work. An arousal with a turn-over gives a few seconds; restlessness a handful.
    /// </summary>
    public const int WorkedSeconds = 40;

    /// <summary>The heart rate in the 100 s after the prompt at least this far above the sleeping baseline (bpm): a cramp's +10–25 holds while it lasts; an arousal's surge falls back within 20–45 s.</summary>
    public const double HeartStayedUpBpm = 10;

    /// <summary>…or, whatever the heart did, the body worked this many seconds of the five minutes: about two minutes of work, what a long cramp (or getting up to walk it off) gives.</summary>
    public const int WorkedLongSeconds = 100;

    /// <summary>
    /// The review of an event whose awakening began at <paramref name="onset"/>: asked when it was
    /// answered in the night (it keeps its answer) or, with motion, its <paramref name="course"/> looks like
    /// a cramp (lying still awake after a cramp looks like sleep to a motion sensor, so the leg's work
    /// outranks the return to sleep);
    /// else brief when sleep came back (<see cref="SleepReturnTracker"/>) within <see cref="BriefAwakeningWindow"/>;
    /// else ordinary when the course is known and shows no cramp, or looks like awakenings the sleeper
    /// has dismissed before (<see cref="AwakeningCourse.Familiar"/>); else (the course not known yet) asked.
    /// </summary>
    public static ReviewKind Classify(DateTimeOffset onset, DateTimeOffset? asleepAgainAt, AwakeningCourse? course, bool answered)
    {
        var looksLikeCramp = LooksLikeCramp(course);
        if (answered || (looksLikeCramp == true && course!.HasMotion && !course.Familiar))
        {
            return ReviewKind.Ask;
        }

        if (asleepAgainAt is { } asleep && asleep - onset <= BriefAwakeningWindow)
        {
            return ReviewKind.Brief;
        }

        return looksLikeCramp == false || course?.Familiar == true ? ReviewKind.Ordinary : ReviewKind.Ask;
    }

    /// <summary>
    /// Whether what followed an awakening looks like a cramp: with motion, the body worked at least
    /// <see cref="WorkedLongSeconds"/> of its first five minutes, or <see cref="WorkedSeconds"/> with the
    /// heart still up (<see cref="HeartStayedUpBpm"/>) after the prompt; with heart rate alone, the heart
    /// stayed up. Null when nothing is known (no course yet, or neither signal).
    /// </summary>
    public static bool? LooksLikeCramp(AwakeningCourse? course) => course switch
    {
        { ActiveSeconds: { } worked } => worked >= WorkedLongSeconds || (worked >= WorkedSeconds && course.HeartRateAfterBpm >= HeartStayedUpBpm),
        { HeartRateAfterBpm: { } after } => after >= HeartStayedUpBpm,
        _ => null,
    };
}
