namespace NightLeg.Sync.Devices.Polar;

/// <summary>One pipeline's PMD streams, by measurement type: what the control-point answers taught, for the data frames. Not thread-safe.</summary>
public sealed class PmdStreams
{
    private readonly Dictionary<byte, PmdStream> _streams = [];

    /// <summary>The ACC sample rate started, when known (for status and tests).</summary>
    public int? AccSampleRateHz => _streams.TryGetValue((byte)PmdMeasurementType.Acc, out var acc) ? acc.SampleRateHz : null;

    internal PmdStream this[byte measurementType] =>
        _streams.TryGetValue(measurementType, out var stream) ? stream : _streams[measurementType] = new PmdStream();
}
