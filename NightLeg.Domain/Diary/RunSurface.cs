namespace NightLeg.Domain.Diary;

/// <summary>What the day's run was mostly on (hard surfaces are one of the article's triggers).</summary>
public enum RunSurface
{
    /// <summary>Asphalt or concrete.</summary>
    Road,

    /// <summary>Trail, gravel or grass.</summary>
    Trail,

    /// <summary>A running track.</summary>
    Track,

    /// <summary>A treadmill.</summary>
    Treadmill,
}
