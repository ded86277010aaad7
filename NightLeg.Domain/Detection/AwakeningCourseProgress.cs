namespace NightLeg.Domain.Detection;

/// <summary>What one second brought to an <see cref="AwakeningCourseTracker"/>.</summary>
public enum AwakeningCourseProgress
{
    /// <summary>Nothing new.</summary>
    None,

    /// <summary>Distress became plain in this second.</summary>
    Distress,

    /// <summary>The span is over: the course is complete.</summary>
    Done,
}
