namespace NightLeg.Domain.Diary;

/// <summary>How hard the day's run was.</summary>
public enum RunEffort
{
    /// <summary>Easy or steady.</summary>
    Easy,

    /// <summary>Hard: intervals, tempo, a race, or a long run.</summary>
    Hard,
}
