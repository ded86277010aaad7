namespace NightLeg.Sync.Devices;

/// <summary>
/// What <c>nightleg decode</c> knows about the stream a single payload came from, for profiles whose
/// frames cannot be read alone (Polar PMD: the scale factor, the rate started, the previous frame). Immutable.
/// </summary>
/// <param name="Factor">FACTOR from the start answer (scales compressed frames).</param>
/// <param name="SampleRateHz">The rate the stream was started at, if known.</param>
/// <param name="PreviousTimestampNs">The previous frame's sensor timestamp, if known.</param>
public sealed record DecodeOptions(float Factor = 1.0f, int? SampleRateHz = null, ulong? PreviousTimestampNs = null);
