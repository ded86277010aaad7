namespace NightLeg.Domain.Detection;

/// <summary>
/// What the detector has learned about one sleeper's heart rate in sleep, carried from night to
/// night: how the 5-s heart rate rises above the sleeping baseline while asleep, as seconds per
/// 1-bpm bin from <see cref="MinimumRiseBpm"/> to <see cref="MaximumRiseBpm"/>. Some sleepers'
/// heart rates surge by +30 bpm in REM and at arousals, others' barely by +10 (real nights:
/// docs/physiology-model.md); the heart-rate thresholds scale with it. Immutable.
/// </summary>
/// <param name="RiseSeconds">Seconds asleep per bin (bin i holds a rise of <see cref="MinimumRiseBpm"/> + i bpm, the ends open); the weights of older nights fade.</param>
public sealed record SleeperProfile(IReadOnlyList<double> RiseSeconds)
{
    /// <summary>Lowest bin, bpm (lower rises count here).</summary>
    public const int MinimumRiseBpm = -20;

    /// <summary>Highest bin, bpm (higher rises count here).</summary>
    public const int MaximumRiseBpm = 60;

    /// <summary>Number of bins.</summary>
    public const int Bins = MaximumRiseBpm - MinimumRiseBpm + 1;

    /// <summary>
    /// What is assumed of a sleeper before the first night: a surge level (p99.5 of the rise asleep)
    /// of +20 bpm — the strongest arousals raise heart rate by up to ≈22 bpm (Azarbarzin 2014), and
    /// the real nights' sleepers range from +10 to +32 (median ≈ +19).
    /// </summary>
    public const double PopulationSurgeLevelBpm = 20;

    /// <summary>Seconds of sleep the population prior counts as: an hour, so a night's own data outweighs it within hours.</summary>
    public const double PriorWeightSeconds = 3600;

    /// <summary>The most sleep a profile remembers (seconds): about three nights; older nights fade out.</summary>
    public const double MemorySeconds = 3 * 8 * 3600;

    /// <summary>
    /// The prior for a sleeper we know nothing about: half the time below baseline, an exponential
    /// tail above it that reaches <see cref="PopulationSurgeLevelBpm"/> in 0.5 % of the seconds.
    /// </summary>
    public static SleeperProfile Population { get; } = Parametric(PopulationSurgeLevelBpm, PriorWeightSeconds);

    /// <summary>Total seconds in the profile.</summary>
    public double TotalSeconds => RiseSeconds.Sum();

    /// <summary>A parametric profile with the given surge level (bpm) and weight (seconds).</summary>
    public static SleeperProfile Parametric(double surgeLevelBpm, double weightSeconds)
    {
        // P(rise ≥ x) = ½·exp(−x/λ) for x ≥ 0, with P(rise ≥ level) = 0.005 → λ = level / ln 100.
        var lambda = Math.Max(1, surgeLevelBpm) / Math.Log(100);
        var bins = new double[Bins];
        for (var i = 0; i < Bins; i++)
        {
            var rise = MinimumRiseBpm + i;
            double Tail(double x) => x <= 0 ? 1 - (0.5 * Math.Exp(x / lambda)) : 0.5 * Math.Exp(-x / lambda);
            var upper = i == Bins - 1 ? 0 : Tail(rise + 0.5);
            var lower = i == 0 ? 1 : Tail(rise - 0.5);
            bins[i] = (lower - upper) * weightSeconds;
        }

        return new SleeperProfile(bins);
    }
}
