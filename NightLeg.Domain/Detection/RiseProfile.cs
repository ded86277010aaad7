namespace NightLeg.Domain.Detection;

/// <summary>
/// The sleeper's rise distribution as the night goes on: starts from a <see cref="SleeperProfile"/>
/// (earlier nights, or the population prior), adds every second asleep, forgets slowly (the total
/// is held to <see cref="SleeperProfile.MemorySeconds"/>). Fixed memory (81 bins); O(bins) per
/// quantile, asked once a minute. Not thread-safe.
/// </summary>
internal sealed class RiseProfile
{
    private readonly double[] _seconds = new double[SleeperProfile.Bins];
    private double _total;

    public RiseProfile(SleeperProfile prior)
    {
        for (var i = 0; i < _seconds.Length && i < prior.RiseSeconds.Count; i++)
        {
            _seconds[i] = prior.RiseSeconds[i];
            _total += prior.RiseSeconds[i];
        }

        SurgeLevelBpm = Quantile(DetectorConstants.SurgeLevelQuantile);
    }

    /// <summary>The sleeper's surge level: the rise reached in <c>1 − SurgeLevelQuantile</c> of the seconds asleep (bpm), as of the last refresh.</summary>
    public double SurgeLevelBpm { get; private set; }

    public void Add(double riseBpm)
    {
        var bin = Math.Clamp((int)Math.Round(riseBpm) - SleeperProfile.MinimumRiseBpm, 0, _seconds.Length - 1);
        _seconds[bin]++;
        _total++;
    }

    /// <summary>Recomputes the surge level and lets the oldest seconds fade (call once a minute).</summary>
    public void Refresh()
    {
        if (_total > SleeperProfile.MemorySeconds)
        {
            var scale = SleeperProfile.MemorySeconds / _total;
            for (var i = 0; i < _seconds.Length; i++)
            {
                _seconds[i] *= scale;
            }

            _total = SleeperProfile.MemorySeconds;
        }

        SurgeLevelBpm = Quantile(DetectorConstants.SurgeLevelQuantile);
    }

    /// <summary>What to carry into the next night.</summary>
    public SleeperProfile Snapshot() => new((double[])_seconds.Clone());

    private double Quantile(double p)
    {
        if (_total <= 0)
        {
            return SleeperProfile.PopulationSurgeLevelBpm;
        }

        var target = p * _total;
        double seen = 0;
        for (var i = 0; i < _seconds.Length; i++)
        {
            seen += _seconds[i];
            if (seen >= target)
            {
                return SleeperProfile.MinimumRiseBpm + i;
            }
        }

        return SleeperProfile.MaximumRiseBpm;
    }
}
