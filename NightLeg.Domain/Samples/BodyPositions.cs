namespace NightLeg.Domain.Samples;

/// <summary>
/// Classifies a chest strap's <see cref="Posture"/> (gravity in the strap's axes: X across the chest,
/// Y along the body towards the head, Z out of the chest — Polar's H10 axes, as the simulator uses
/// them) into a <see cref="BodyPosition"/>. Only meaningful for a strap worn on the chest. Pure.
/// </summary>
public static class BodyPositions
{
    /// <summary>Gravity this far along the body (sin 35°) means sitting up or standing.</summary>
    private const double UprightY = 0.57;

    /// <summary>The position for a chest strap's posture.</summary>
    public static BodyPosition Of(Posture posture)
    {
        if (posture.Y >= UprightY)
        {
            return BodyPosition.Upright;
        }

        if (Math.Abs(posture.Z) >= Math.Abs(posture.X))
        {
            return posture.Z >= 0 ? BodyPosition.Back : BodyPosition.Stomach;
        }

        return BodyPosition.Side;
    }
}
