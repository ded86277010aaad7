using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Pipeline;

namespace NightLeg.Sync.Replay;

/// <summary>What a replay found. Immutable.</summary>
/// <param name="Nights">The nights in the capture.</param>
/// <param name="Samples">Samples the recorder took in.</param>
/// <param name="Pipeline">Notifications decoded, invalid and ignored.</param>
/// <param name="Awakenings">Detected awakenings with their nights, in order.</param>
/// <param name="Warnings">Warnings (a truncated last line).</param>
public sealed record ReplayResult(
    IReadOnlyList<Night> Nights,
    SampleCounts Samples,
    PipelineCounts Pipeline,
    IReadOnlyList<(NightId Night, AwakeningDetected Awakening)> Awakenings,
    IReadOnlyList<string> Warnings);
