namespace NightLeg.Domain.History;

/// <summary>Cramp nights in one week or month. Immutable.</summary>
/// <param name="Label">ISO week (<c>2026-W11</c>) or month (<c>2026-03</c>).</param>
/// <param name="Start">First day of the period.</param>
/// <param name="RecordedNights">Nights recorded or with a log in the period.</param>
/// <param name="CrampNights">Nights with at least one confirmed cramp.</param>
/// <param name="Cramps">Confirmed cramps.</param>
public sealed record PeriodCount(string Label, DateOnly Start, int RecordedNights, int CrampNights, int Cramps);
