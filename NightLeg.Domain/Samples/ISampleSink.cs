namespace NightLeg.Domain.Samples;

/// <summary>Takes samples in arrival order (the recorder, a store, a test).</summary>
public interface ISampleSink
{
    /// <summary>Takes one heart-rate sample.</summary>
    void Add(HeartRateSample sample);

    /// <summary>Takes one motion sample.</summary>
    void Add(in MotionSample sample);

    /// <summary>Takes one battery reading (percent) at a UTC instant; sinks that do not keep it ignore it.</summary>
    void AddBattery(DateTimeOffset at, int percent)
    {
    }
}
