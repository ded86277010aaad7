namespace NightLeg.Domain.Samples;

/// <summary>Takes samples in arrival order (the recorder, a store, a test).</summary>
public interface ISampleSink
{
    /// <summary>Takes one heart-rate sample.</summary>
    void Add(HeartRateSample sample);

    /// <summary>Takes one motion sample.</summary>
    void Add(in MotionSample sample);
}
