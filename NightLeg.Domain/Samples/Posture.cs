namespace NightLeg.Domain.Samples;

/// <summary>
/// The direction of gravity in the wearable's axes over one second: a unit vector. On a chest
/// strap it tells lying from sitting up; on a wrist it tells that the arm changed position.
/// </summary>
/// <param name="X">X component of the unit vector.</param>
/// <param name="Y">Y component of the unit vector.</param>
/// <param name="Z">Z component of the unit vector.</param>
public readonly record struct Posture(double X, double Y, double Z)
{
    /// <summary>The unit vector along (x, y, z), or null when the vector is (nearly) zero.</summary>
    public static Posture? FromVector(double x, double y, double z)
    {
        var length = Math.Sqrt((x * x) + (y * y) + (z * z));
        return length < 1e-6 ? null : new Posture(x / length, y / length, z / length);
    }

    /// <summary>The angle between two postures in degrees (0–180).</summary>
    public double AngleToDegrees(Posture other)
    {
        var cos = Math.Clamp((X * other.X) + (Y * other.Y) + (Z * other.Z), -1.0, 1.0);
        return Math.Acos(cos) * 180.0 / Math.PI;
    }
}
