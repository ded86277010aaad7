namespace NightLeg.Domain.Detection;

/// <summary>
/// A prompt never wakes anyone: a cramp wakes the user, and the prompt only has to be there when they
/// look. So a prompt appears silently, always. Only when the user switched sound on, and only once the
/// awakening is plainly one in distress — a minute on, the body still working and the heart well up
/// (<see cref="AwakeningCourseTracker"/>), when nobody in that state is asleep — does it sound. A
/// heart-rate surge, a turn-over, a minute of restlessness never sound.
/// </summary>
public static class AlertPolicy
{
    /// <summary>What the prompt does now, with sound switched on or off, given what followed the awakening so far (null: nothing yet).</summary>
    public static PromptAlert For(AwakeningCourse? course, bool soundEnabled) =>
        soundEnabled && course?.DistressAt is not null ? PromptAlert.Sound : PromptAlert.Silent;
}
