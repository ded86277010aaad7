namespace NightLeg.Mobile.ViewModels;

/// <summary>One minute of a night's chart. Immutable.</summary>
/// <param name="Start">UTC start of the minute.</param>
/// <param name="HeartRateBpm">Mean heart rate, or null without data.</param>
/// <param name="MovementG">Largest movement in the minute, g.</param>
public readonly record struct ChartPoint(DateTimeOffset Start, double? HeartRateBpm, double MovementG);
