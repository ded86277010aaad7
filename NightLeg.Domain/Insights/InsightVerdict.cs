namespace NightLeg.Domain.Insights;

/// <summary>What the nights say about one factor. The words never claim a cause.</summary>
public enum InsightVerdict
{
    /// <summary>Cramp nights are clearly more common with the factor.</summary>
    MoreCramps,

    /// <summary>Cramp nights are clearly less common with the factor.</summary>
    FewerCramps,

    /// <summary>Enough nights, and no difference that holds up.</summary>
    NoClearDifference,

    /// <summary>Too few nights with or without the factor to say anything yet.</summary>
    NotEnoughNights,
}
