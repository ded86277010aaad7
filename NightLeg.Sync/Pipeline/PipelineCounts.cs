namespace NightLeg.Sync.Pipeline;

/// <summary>What a <see cref="NotificationPipeline"/> has seen. Immutable.</summary>
/// <param name="Notifications">Notifications processed.</param>
/// <param name="HeartRateSamples">Heart-rate samples produced.</param>
/// <param name="MotionSamples">Motion samples produced.</param>
/// <param name="Invalid">Notifications that did not decode (counted and skipped).</param>
/// <param name="Ignored">Notifications from characteristics NightLeg does not use.</param>
public readonly record struct PipelineCounts(long Notifications, long HeartRateSamples, long MotionSamples, long Invalid, long Ignored);
