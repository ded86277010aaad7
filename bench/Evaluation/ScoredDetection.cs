using NightLeg.Domain.Detection;

namespace NightLeg.Evaluation;

/// <summary>A detection to score: when it prompted and how the morning review would treat it. Immutable.</summary>
/// <param name="At">UTC instant of the prompt (the decision).</param>
/// <param name="Review">Asked about in the morning, or a brief awakening.</param>
public readonly record struct ScoredDetection(DateTimeOffset At, ReviewKind Review);
