using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Pipeline;

namespace NightLeg.Sync.Replay;

/// <summary>What a replay found. Immutable.</summary>
/// <param name="Nights">The nights in the capture.</param>
/// <param name="Samples">Samples the recorder took in.</param>
/// <param name="Pipeline">Notifications decoded, invalid and ignored.</param>
/// <param name="Awakenings">Detected awakenings with their nights and what followed, in order.</param>
/// <param name="Warnings">Warnings (a truncated last line).</param>
/// <param name="Sleeper">What the detector learned about the sleeper, to carry into the next night.</param>
public sealed record ReplayResult(
    IReadOnlyList<Night> Nights,
    SampleCounts Samples,
    PipelineCounts Pipeline,
    IReadOnlyList<ReplayedAwakening> Awakenings,
    IReadOnlyList<string> Warnings,
    SleeperProfile Sleeper);
