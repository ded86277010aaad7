namespace NightLeg.Sync.Simulation;

/// <summary>A 3-vector in g for the simulator's body model.</summary>
internal readonly record struct Vec(double X, double Y, double Z)
{
    public static Vec operator +(Vec a, Vec b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec operator *(Vec a, double k) => new(a.X * k, a.Y * k, a.Z * k);

    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    public Vec Normalized() => Length < 1e-9 ? new Vec(0, 0, 1) : this * (1 / Length);

    public static Vec Lerp(Vec a, Vec b, double t) => ((a * (1 - t)) + (b * t)).Normalized();

    public static Vec RandomUnit(Random random)
    {
        var z = (random.NextDouble() * 2) - 1;
        var phi = random.NextDouble() * 2 * Math.PI;
        var r = Math.Sqrt(1 - (z * z));
        return new Vec(r * Math.Cos(phi), r * Math.Sin(phi), z);
    }
}
