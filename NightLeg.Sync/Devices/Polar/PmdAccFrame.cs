namespace NightLeg.Sync.Devices.Polar;

/// <summary>A decoded PMD ACC data frame. Immutable.</summary>
/// <param name="MeasurementType">Measurement type (low 6 bits of byte 0).</param>
/// <param name="FrameType">Frame type (bits 0–6 of byte 9).</param>
/// <param name="Compressed">True for delta-compressed frames (bit 7 of byte 9).</param>
/// <param name="TimestampNs">Sensor time of the last sample, ns since 2000-01-01T00:00:00Z.</param>
/// <param name="Samples">The samples, oldest first, with their own timestamps.</param>
public sealed record PmdAccFrame(byte MeasurementType, byte FrameType, bool Compressed, ulong TimestampNs, IReadOnlyList<PmdAccSample> Samples)
{
    /// <summary>The PMD time epoch: 2000-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
