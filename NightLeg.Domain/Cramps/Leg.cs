namespace NightLeg.Domain.Cramps;

/// <summary>Which leg cramped.</summary>
public enum Leg
{
    /// <summary>The left leg.</summary>
    Left,

    /// <summary>The right leg.</summary>
    Right,

    /// <summary>Both legs.</summary>
    Both,
}
