namespace NightLeg.Bench.Classic;

/// <summary>Turns a minute-by-minute sleep/wake scoring into awakening events with honest detection times.</summary>
public static class EpochScorerEvents
{
    /// <summary>
    /// An event per sleep→wake transition (a wake minute after a sleep minute); its detection time is
    /// the end of the wake minute plus the future minutes the scorer needed to see.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Detect(DateTimeOffset start, bool[] wake, int futureMinutes)
    {
        var events = new List<DateTimeOffset>();
        var asleepRun = 0;
        for (var t = 0; t < wake.Length; t++)
        {
            if (wake[t])
            {
                if (asleepRun >= 1)
                {
                    events.Add(start.AddMinutes(t + 1 + futureMinutes));
                }

                asleepRun = 0;
            }
            else
            {
                asleepRun++;
            }
        }

        return events;
    }
}
