namespace NightLeg.Domain.Cramps;

/// <summary>What the user answered to the prompt in the night.</summary>
public enum NightAnswer
{
    /// <summary>"Cramp": it was a cramp.</summary>
    Cramp,

    /// <summary>"Not a cramp": something else woke them.</summary>
    NotACramp,

    /// <summary>"Later": decide in the morning.</summary>
    Later,
}
