using NightLeg.Domain.Nights;

namespace NightLeg.Domain.Diary;

/// <summary>
/// What the user tells about one night beyond its cramps: the day's factors (evening check-in) and,
/// the next morning, how much the night was disturbed and whether the leg still hurts. Immutable.
/// </summary>
/// <param name="Night">The night.</param>
/// <param name="Factors">The evening check-in, when done.</param>
/// <param name="SleepDisturbance">How much cramps disturbed the night's sleep, 0 (not at all) – 10 (completely) (Sebo 2019).</param>
/// <param name="LingeringPain">Soreness in the morning.</param>
/// <param name="CheckedInAt">UTC instant of the (latest) check-in.</param>
public sealed record NightDiary(NightId Night, DayFactors? Factors, int? SleepDisturbance, LingeringPain? LingeringPain, DateTimeOffset? CheckedInAt)
{
    /// <summary>Nothing told yet.</summary>
    public static NightDiary Empty(NightId night) => new(night, null, null, null, null);
}
