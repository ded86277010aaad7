namespace NightLeg.Sync.Simulation;

/// <summary>Queues one notification of the simulated night, <c>atSeconds</c> after its start.</summary>
public delegate void SimulatedEmit(double atSeconds, Guid characteristic, byte[] payload);

/// <summary>
/// How a simulated wearable sends movement, declared by its device family beside its decoders: the
/// simulator makes the wrist's or chest's acceleration; this makes the family's bytes from it and
/// answers what a host writes on a simulated connection. Immutable and thread-safe; the streams and
/// responders it makes are not.
/// </summary>
public abstract class SimulatedMotion
{
    /// <summary>What a capture of it notes in its header (such as the ACC settings started).</summary>
    public virtual IReadOnlyList<KeyValuePair<string, string>> HeaderNotes => [];

    /// <summary>What <c>nightleg simulate</c> says about the stream (such as "ACC started at 25 Hz, ±2 G"), or null.</summary>
    public virtual string? Description => null;

    /// <summary>
    /// Starts the night's stream at <paramref name="start"/>: emits what a host records when it starts
    /// the stream, and may draw from <paramref name="random"/> (always in the same order, so a seed
    /// makes the same night).
    /// </summary>
    public abstract ISimulatedMotionStream Start(DateTimeOffset start, Random random, SimulatedEmit emit);

    /// <summary>What answers a host's writes on one connection; null when nothing is written to start it.</summary>
    public virtual ISimulatedResponder? CreateResponder(SimulatedResponderFaults faults) => null;
}

/// <summary>One night's movement stream. Not thread-safe.</summary>
public interface ISimulatedMotionStream
{
    /// <summary>Emits second <paramref name="second"/>'s notifications; <paramref name="acceleration"/> gives the body's acceleration (g) at a time in seconds.</summary>
    void Second(int second, Func<double, (double X, double Y, double Z)> acceleration, Random random, SimulatedEmit emit);
}

/// <summary>A simulated sensor's answers to one connection's writes. Not thread-safe: one connection.</summary>
public interface ISimulatedResponder
{
    /// <summary>Answers a write to <paramref name="characteristic"/> with the notifications a real sensor sends back.</summary>
    IReadOnlyList<(Guid Characteristic, byte[] Payload)> OnWrite(Guid characteristic, byte[] value);

    /// <summary>
    /// True when a notification of the played night reaches this connection: a stream the host has not
    /// started sends nothing, and the night's own answers are replaced by the answers to this connection's writes.
    /// </summary>
    bool Passes(Guid characteristic);
}

/// <summary>Faults a simulated sensor's responder injects. Immutable.</summary>
/// <param name="StartStatus">Every start is refused with this status (a Polar sensor in its charger answers 13); null: it starts what it offers.</param>
public sealed record SimulatedResponderFaults(byte? StartStatus);
