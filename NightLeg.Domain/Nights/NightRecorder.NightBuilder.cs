using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Samples;

namespace NightLeg.Domain.Nights;

/// <summary>A night being recorded: its seconds, gaps and statistics, until it ends.</summary>
public sealed partial class NightRecorder
{
    private sealed class NightBuilder(NightId id)
    {
        private readonly List<RecordingGap> _gaps = [];
        private Dictionary<BodyPosition, int>? _positions;

        public void AddPosition(BodyPosition position)
        {
            _positions ??= [];
            _positions[position] = _positions.GetValueOrDefault(position) + 1;
        }

        public NightId Id { get; } = id;

        public DateTimeOffset? RecordingStart { get; private set; }

        public DateTimeOffset? RecordingEnd { get; private set; }

        public DateTimeOffset? ExplicitStart { get; set; }

        public DateTimeOffset? ExplicitEnd { get; set; }

        public DateTimeOffset? SleepOnset { get; set; }

        public DateTimeOffset? FinalAwakening { get; set; }

        public SleepStatisticsAccumulator Sleep { get; } = new();

        public void Touch(DateTimeOffset from, DateTimeOffset to)
        {
            RecordingStart ??= from;
            if (RecordingEnd is null || to > RecordingEnd)
            {
                RecordingEnd = to;
            }
        }

        public int? BatteryAtStart { get; private set; }

        public int? BatteryAtEnd { get; private set; }

        public void Battery(int percent)
        {
            BatteryAtStart ??= percent;
            BatteryAtEnd = percent;
        }

        public void AddGap(RecordingGap gap)
        {
            // A not-worn stretch grows second by second: one gap from its first second.
            if (gap.Reason == GapReason.NotWorn && _gaps.FindIndex(g => g.Reason == GapReason.NotWorn && g.Start == gap.Start) is var index and >= 0)
            {
                _gaps[index] = gap;
                return;
            }

            // A transport-reported gap wins over the silence it explains.
            if (gap.Reason == GapReason.NoData && _gaps.Any(g => g.Start < gap.End && gap.Start < g.End))
            {
                return;
            }

            if (gap.Reason != GapReason.NoData)
            {
                _gaps.RemoveAll(g => g.Reason == GapReason.NoData && g.Start < gap.End && gap.Start < g.End);
            }

            _gaps.Add(gap);
            _gaps.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        public Night ToNight() => new(
            Id,
            RecordingStart ?? ExplicitStart ?? default,
            RecordingEnd ?? ExplicitStart ?? default,
            ExplicitStart,
            ExplicitEnd,
            SleepOnset,
            FinalAwakening,
            _gaps.ToList(),
            Sleep.Snapshot(),
            BatteryAtStart,
            BatteryAtEnd,
            _positions is null ? null : new Dictionary<BodyPosition, int>(_positions));
    }
}
