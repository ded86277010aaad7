using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices.InfiniTime;

/// <summary>InfiniTime's raw XYZ as the simulator sends it: sampled at 10 Hz, notified when it changes (doc/MotionService.md). Nothing to start.</summary>
public sealed class SimulatedInfiniTimeMotion : SimulatedMotion
{
    private const int RateHz = 10;

    /// <summary>The one instance (it has no settings).</summary>
    public static SimulatedInfiniTimeMotion Instance { get; } = new();

    /// <inheritdoc />
    public override ISimulatedMotionStream Start(DateTimeOffset start, Random random, SimulatedEmit emit) => new Stream();

    private sealed class Stream : ISimulatedMotionStream
    {
        private short[]? _last;

        public void Second(int second, Func<double, (double X, double Y, double Z)> acceleration, Random random, SimulatedEmit emit)
        {
            for (var k = 0; k < RateHz; k++)
            {
                var t = second + (k / (double)RateHz);
                var g = acceleration(t);
                short[] raw = [Raw(g.X), Raw(g.Y), Raw(g.Z)];
                if (_last is null || !raw.AsSpan().SequenceEqual(_last))
                {
                    emit(t + 0.005, GattUuids.InfiniTimeRawXyz, InfiniTimeMotionDecoder.EncodeRawXyz(g.X, g.Y, g.Z));
                    _last = raw;
                }
            }
        }

        private static short Raw(double g) => (short)Math.Clamp(Math.Round(g * InfiniTimeMotionDecoder.RawPerG), short.MinValue, short.MaxValue);
    }
}
