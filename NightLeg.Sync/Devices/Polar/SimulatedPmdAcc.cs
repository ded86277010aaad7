using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// A Polar sensor's ACC as the simulator sends it: at the settings a NightLeg host starts from what
/// the sensor offers (<see cref="PmdAccSettings.ForSleep"/>), raw int16 frames stamped by the sensor's
/// own clock and clipped to its range; on a simulated connection it answers the control point as the
/// real sensor does. Immutable.
/// </summary>
public sealed class SimulatedPmdAcc(PmdSettings offered) : SimulatedMotion
{
    /// <summary>Most samples in one PMD frame of int16 × 3: 10 + 36 × 6 = 226 bytes fits an H10's MTU of 232.</summary>
    public const int MaxSamplesPerFrame = 36;

    /// <summary>A PMD frame carries about this much time (s) of samples: 36 at 52 Hz, 18 at 25 Hz.</summary>
    private const double FrameSeconds = 0.7;

    /// <summary>What it answers to "get ACC settings"; it refuses any other start.</summary>
    public PmdSettings Offered { get; } = offered;

    /// <summary>The ACC settings a NightLeg host starts on it (and so the rate the simulation streams).</summary>
    public PmdAccSettings? Started { get; } = PmdAccSettings.ForSleep(offered);

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> HeaderNotes => Started is { } acc ? [new("acc", acc.ToString())] : [];

    /// <inheritdoc />
    public override string? Description => Started is { } acc ? $"ACC started at {acc}" : null;

    /// <inheritdoc />
    public override ISimulatedMotionStream Start(DateTimeOffset start, Random random, SimulatedEmit emit)
    {
        if (Started is not { } settings)
        {
            return new Silent();
        }

        var stream = new Stream(start, random, settings);

        // What a host records when it starts ACC: the sensor's settings, then its answer to the start.
        emit(0.15, GattUuids.PolarPmdControlPoint, PmdSettingsEncoder.Response(PmdCommands.GetSettingsOpcode, PmdMeasurementType.Acc, 0, Offered));
        emit(0.2, GattUuids.PolarPmdControlPoint, PmdSettingsEncoder.Response(PmdCommands.StartOpcode, PmdMeasurementType.Acc, 0));
        return stream;
    }

    /// <inheritdoc />
    public override ISimulatedResponder CreateResponder(SimulatedResponderFaults faults) => new Responder(this, faults);

    private sealed class Silent : ISimulatedMotionStream
    {
        public void Second(int second, Func<double, (double X, double Y, double Z)> acceleration, Random random, SimulatedEmit emit)
        {
        }
    }

    private sealed class Stream(DateTimeOffset start, Random random, PmdAccSettings settings) : ISimulatedMotionStream
    {
        private readonly int _samplesPerFrame = Math.Clamp((int)Math.Round(settings.SampleRateHz * FrameSeconds), 1, MaxSamplesPerFrame);
        private readonly List<(int X, int Y, int Z)> _frame = new(MaxSamplesPerFrame);
        private readonly double _clockOffsetSeconds = (random.NextDouble() - 0.5) * 4;
        private readonly int _limitMg = settings.RangeG * 1000;
        private long _sample;

        public void Second(int second, Func<double, (double X, double Y, double Z)> acceleration, Random latency, SimulatedEmit emit)
        {
            while (true)
            {
                var t = 0.25 + (_sample / (double)settings.SampleRateHz);
                if (t >= second + 1)
                {
                    break;
                }

                var g = acceleration(t);
                _frame.Add((Mg(g.X), Mg(g.Y), Mg(g.Z)));
                _sample++;
                if (_frame.Count == _samplesPerFrame)
                {
                    var sensorNs = (ulong)(((start - PmdAccFrame.Epoch).TotalSeconds + t + _clockOffsetSeconds) * 1e9);
                    emit(t + 0.01 + (latency.NextDouble() * 0.03), GattUuids.PolarPmdData, PmdDataFrameEncoder.EncodeRawInt16(sensorNs, _frame));
                    _frame.Clear();
                }
            }
        }

        private int Mg(double g) => Math.Clamp((int)Math.Round(g * 1000), -_limitMg, _limitMg);
    }

    /// <summary>
    /// The control point as the real sensor answers it. "Get ACC settings" lists what it offers; a
    /// start with anything it does not offer is refused with Polar's status code; a start the
    /// simulation cannot stream (another offered rate than it was built for) is refused as "not
    /// supported"; a stop stops the frames.
    /// </summary>
    private sealed class Responder(SimulatedPmdAcc acc, SimulatedResponderFaults faults) : ISimulatedResponder
    {
        private volatile bool _started;

        public bool Passes(Guid characteristic) =>
            characteristic != GattUuids.PolarPmdControlPoint && (characteristic != GattUuids.PolarPmdData || _started);

        public IReadOnlyList<(Guid Characteristic, byte[] Payload)> OnWrite(Guid characteristic, byte[] command)
        {
            if (characteristic != GattUuids.PolarPmdControlPoint)
            {
                return [];
            }

            if (command.Length < 2 || command[1] != (byte)PmdMeasurementType.Acc)
            {
                var type = command.Length >= 2 ? (PmdMeasurementType)command[1] : PmdMeasurementType.Acc;
                return [(GattUuids.PolarPmdControlPoint, PmdSettingsEncoder.Response(command.Length > 0 ? command[0] : (byte)0, type, 2))];
            }

            byte[] answer;
            switch (command[0])
            {
                case PmdCommands.GetSettingsOpcode:
                    answer = PmdSettingsEncoder.Response(PmdCommands.GetSettingsOpcode, PmdMeasurementType.Acc, 0, acc.Offered);
                    break;
                case PmdCommands.StartOpcode:
                    var requested = PmdAccSettings.FromStartCommand(command);
                    var status = requested is null ? (byte)5 : faults.StartStatus ?? requested.RefusalStatus(acc.Offered);
                    if (status == 0 && requested != acc.Started)
                    {
                        status = 3; // offered, but this simulation streams only the rate NightLeg picks
                    }

                    _started = status == 0;
                    answer = PmdSettingsEncoder.Response(PmdCommands.StartOpcode, PmdMeasurementType.Acc, status);
                    break;
                case PmdCommands.StopOpcode:
                    _started = false;
                    answer = PmdSettingsEncoder.Response(PmdCommands.StopOpcode, PmdMeasurementType.Acc, 0);
                    break;
                default:
                    answer = PmdSettingsEncoder.Response(command[0], PmdMeasurementType.Acc, 1);
                    break;
            }

            return [(GattUuids.PolarPmdControlPoint, answer)];
        }
    }
}
