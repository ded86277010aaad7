using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;

namespace NightLeg.Sync.Export;

/// <summary>One night as an export holds it. Immutable.</summary>
/// <param name="Id">The night.</param>
/// <param name="Night">Its recording, or null when it was not recorded.</param>
/// <param name="Diary">Its diary, or null.</param>
/// <param name="Events">Its events.</param>
/// <param name="Seconds">Its recorded seconds.</param>
public sealed record ExportedNight(NightId Id, Night? Night, NightDiary? Diary, IReadOnlyList<CrampEvent> Events, IReadOnlyList<SecondEpoch> Seconds);
