using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;

namespace NightLeg.Domain.Insights;

/// <summary>One night's line in the doctor's report. Immutable.</summary>
/// <param name="EveningDate">The night's evening.</param>
/// <param name="Cramps">Cramps that night.</param>
/// <param name="MaxIntensity">The strongest one, 0–10.</param>
/// <param name="Location">Where (the first one told).</param>
/// <param name="SleepDisturbance">Sleep disturbance 0–10.</param>
/// <param name="LingeringPain">Pain the next morning.</param>
/// <param name="Recorded">True when the night was recorded.</param>
public sealed record DoctorReportNight(DateOnly EveningDate, int Cramps, int? MaxIntensity, CrampLocation? Location, int? SleepDisturbance, LingeringPain? LingeringPain, bool Recorded);
