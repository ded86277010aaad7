namespace NightLeg.Domain.Samples;

/// <summary>
/// Turns heart-rate and motion samples, fed in arrival order, into one <see cref="SecondEpoch"/>
/// per second. Online and causal with bounded memory: a second is closed once a sample two
/// seconds later has arrived (the streams of one device are a little out of step: an ACC frame
/// carries samples from up to a second before it arrived). A sample for a second that is already
/// closed is counted in <see cref="LateSamples"/> and dropped. Not thread-safe: feed it from one
/// thread.
/// </summary>
public sealed class EpochAggregator
{
    /// <summary>Seconds a second stays open for late samples of the other stream (a PMD frame spans ≈0.7 s at 52 Hz).</summary>
    public const int ReorderSeconds = 2;

    /// <summary>
    /// How long a heart rate stays valid without a new notification: InfiniTime notifies only when
    /// the value changes, so a steady sleeping heart rate can go unrepeated for tens of seconds.
    /// </summary>
    public static readonly TimeSpan HeartRateHold = TimeSpan.FromSeconds(60);

    private const int SlotCount = ReorderSeconds + 1;

    private readonly Slot[] _slots = new Slot[SlotCount];
    private readonly List<SecondEpoch> _buffer = [];
    private long _nextSecond = long.MinValue;
    private long _latestSecond = long.MinValue;
    private double _heldHeartRate;
    private long _heldHeartRateSecond = long.MinValue;
    private (double X, double Y, double Z, long Second)? _lastMotion;

    /// <summary>Samples that arrived after their second was closed.</summary>
    public long LateSamples { get; private set; }

    /// <summary>Adds a heart-rate sample; returns the epochs it closed (possibly none). The list is reused by the next call.</summary>
    public IReadOnlyList<SecondEpoch> Add(HeartRateSample sample)
    {
        _buffer.Clear();
        var second = sample.At.ToUnixTimeSeconds();
        if (Admit(second) is { } slot)
        {
            slot.AddHeartRate(sample);
        }

        return _buffer;
    }

    /// <summary>Adds a motion sample; returns the epochs it closed (possibly none). The list is reused by the next call.</summary>
    public IReadOnlyList<SecondEpoch> Add(in MotionSample sample)
    {
        _buffer.Clear();
        var second = sample.At.ToUnixTimeSeconds();
        if (Admit(second) is { } slot)
        {
            slot.AddMotion(sample.XG, sample.YG, sample.ZG);
        }

        return _buffer;
    }

    /// <summary>
    /// Closes every open second up to the latest one with data (end of the recording, or a lost link)
    /// and returns their epochs. Seconds after the latest data stay open: flushing twice never moves
    /// the clock past data that has yet to come (regression: repeated flushes while reconnecting made
    /// every later sample "late").
    /// </summary>
    public IReadOnlyList<SecondEpoch> Flush()
    {
        _buffer.Clear();
        if (_nextSecond == long.MinValue)
        {
            return _buffer;
        }

        while (_nextSecond <= _latestSecond)
        {
            EmitNext();
        }

        return _buffer;
    }

    private Slot? Admit(long second)
    {
        if (_nextSecond == long.MinValue)
        {
            _nextSecond = second;
            for (var i = 0; i < SlotCount; i++)
            {
                _slots[i] = new Slot();
            }
        }

        if (second < _nextSecond)
        {
            LateSamples++;
            return null;
        }

        _latestSecond = Math.Max(_latestSecond, second);

        // Seconds between two readings less than the hold apart carry the held heart rate (a
        // change-only device was simply steady); across a longer gap nothing is invented.
        if (second - _nextSecond > (long)HeartRateHold.TotalSeconds)
        {
            for (var i = 0; i < SlotCount; i++)
            {
                EmitNext();
            }

            _nextSecond = second - ReorderSeconds;
        }

        while (second > _nextSecond + ReorderSeconds)
        {
            EmitNext();
        }

        return _slots[(int)(((second % SlotCount) + SlotCount) % SlotCount)];
    }

    private void EmitNext()
    {
        var second = _nextSecond;
        var slot = _slots[(int)(((second % SlotCount) + SlotCount) % SlotCount)];
        _nextSecond++;

        double? heartRate = null;
        if (slot.HeartRateCount > 0)
        {
            if (slot.LastHeartRateUsable)
            {
                _heldHeartRate = slot.LastHeartRateBpm;
                _heldHeartRateSecond = second;
                heartRate = slot.LastHeartRateBpm;
            }
            else
            {
                _heldHeartRateSecond = long.MinValue;
            }
        }
        else if (_heldHeartRateSecond != long.MinValue && second - _heldHeartRateSecond <= (long)HeartRateHold.TotalSeconds &&
                 (slot.MotionCount > 0 || (second < _latestSecond && _latestSecond - _heldHeartRateSecond <= (long)HeartRateHold.TotalSeconds)))
        {
            heartRate = _heldHeartRate;
        }

        double? movement = null;
        Posture? posture = null;
        if (slot.MotionCount > 0)
        {
            var carry = _lastMotion is { } last && last.Second == second - 1 ? last : ((double, double, double, long)?)null;
            movement = slot.MovementG(carry);
            posture = Posture.FromVector(slot.SumX, slot.SumY, slot.SumZ);
            _lastMotion = (slot.LastX, slot.LastY, slot.LastZ, second);
        }

        var contactLost = slot.HeartRateCount > 0 && slot.LastContact == SensorContact.NotDetected;
        if (heartRate is not null || movement is not null || contactLost)
        {
            _buffer.Add(new SecondEpoch(DateTimeOffset.FromUnixTimeSeconds(second), heartRate, movement, posture, contactLost));
        }

        slot.Reset();
    }

    private sealed class Slot
    {
        public int HeartRateCount;
        public double LastHeartRateBpm;
        public bool LastHeartRateUsable;
        public SensorContact LastContact;
        public int MotionCount;
        public double SumX, SumY, SumZ, SumSqX, SumSqY, SumSqZ, LastX, LastY, LastZ;

        public void AddHeartRate(HeartRateSample sample)
        {
            HeartRateCount++;
            LastHeartRateUsable = sample.IsUsable;
            LastContact = sample.Contact;
            LastHeartRateBpm = sample.IsUsable ? BeatToBeatBpm(sample) ?? sample.HeartRateBpm : sample.HeartRateBpm;
        }

        /// <summary>
        /// The rate from the RR intervals in the notification (60000 / mean RR), when it has any:
        /// devices smooth the bpm they report over several beats, the intervals follow each beat.
        /// Implausible intervals (artefacts) are ignored.
        /// </summary>
        private static double? BeatToBeatBpm(HeartRateSample sample)
        {
            double sum = 0;
            var count = 0;
            foreach (var rr in sample.RrIntervalsMs)
            {
                if (rr is >= 60000.0 / HeartRateSample.MaximumPlausibleBpm and <= 60000.0 / HeartRateSample.MinimumPlausibleBpm)
                {
                    sum += rr;
                    count++;
                }
            }

            return count == 0 ? null : 60000.0 / (sum / count);
        }

        public void AddMotion(double x, double y, double z)
        {
            MotionCount++;
            SumX += x; SumY += y; SumZ += z;
            SumSqX += x * x; SumSqY += y * y; SumSqZ += z * z;
            LastX = x; LastY = y; LastZ = z;
        }

        public double MovementG((double X, double Y, double Z, long Second)? carry)
        {
            double n = MotionCount, sx = SumX, sy = SumY, sz = SumZ, qx = SumSqX, qy = SumSqY, qz = SumSqZ;
            if (carry is { } c)
            {
                n++;
                sx += c.X; sy += c.Y; sz += c.Z;
                qx += c.X * c.X; qy += c.Y * c.Y; qz += c.Z * c.Z;
            }

            var variance = (qx - (sx * sx / n)) + (qy - (sy * sy / n)) + (qz - (sz * sz / n));
            return Math.Sqrt(Math.Max(0, variance / n));
        }

        public void Reset()
        {
            HeartRateCount = 0;
            MotionCount = 0;
            SumX = SumY = SumZ = SumSqX = SumSqY = SumSqZ = 0;
        }
    }
}
