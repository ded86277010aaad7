namespace NightLeg.Domain.Detection;

/// <summary>
/// The median of the last N whole-bpm heart rates, in O(bins) per query and O(1) per update, with
/// fixed memory (a ring of N values and a 1-bpm histogram). Not thread-safe.
/// </summary>
internal sealed class SlidingMedian
{
    private const int Bins = 256;
    private readonly short[] _ring;
    private readonly int[] _histogram = new int[Bins];
    private int _next;
    private int _count;

    public SlidingMedian(int capacity)
    {
        _ring = new short[capacity];
    }

    public int Count => _count;

    public void Add(double bpm)
    {
        var bin = (short)Math.Clamp((int)Math.Round(bpm), 0, Bins - 1);
        if (_count == _ring.Length)
        {
            _histogram[_ring[_next]]--;
        }
        else
        {
            _count++;
        }

        _ring[_next] = bin;
        _histogram[bin]++;
        _next = (_next + 1) % _ring.Length;
    }

    public void Clear()
    {
        Array.Clear(_histogram);
        _count = 0;
        _next = 0;
    }

    /// <summary>The median in bpm (lower median for an even count); NaN when empty.</summary>
    public double Median()
    {
        if (_count == 0)
        {
            return double.NaN;
        }

        var target = (_count + 1) / 2;
        var seen = 0;
        for (var bin = 0; bin < Bins; bin++)
        {
            seen += _histogram[bin];
            if (seen >= target)
            {
                return bin;
            }
        }

        return Bins - 1;
    }
}
