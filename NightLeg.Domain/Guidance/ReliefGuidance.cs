namespace NightLeg.Domain.Guidance;

/// <summary>
/// What to do during a night cramp: the steps, in order, with their timers and sources — the one place
/// the app reads its guidance from. The words are the app's (its catalogue, by each step's id), written
/// in our own words from CRAMPS.md. Immutable and thread-safe.
/// </summary>
public static class ReliefGuidance
{
    /// <summary>Stretch the calf: the first thing to do.</summary>
    public static GuidanceStep Stretch { get; } = new(
        "stretch",
        TimeSpan.FromSeconds(30),
        "Blyton et al. 2012, Cochrane review of non-drug therapies for lower-limb cramps; Allen & Kirby 2012, Am Fam Physician 86(4):350");

    /// <summary>Contract the shin muscle: reciprocal inhibition.</summary>
    public static GuidanceStep Shin { get; } = new(
        "shin",
        TimeSpan.FromSeconds(20),
        "Reciprocal inhibition of the calf by the tibialis anterior (CRAMPS.md; the source article's advice)");

    /// <summary>Warmth afterwards, not cold.</summary>
    public static GuidanceStep Heat { get; } = new(
        "heat",
        null,
        "CRAMPS.md relief guidance (the source article and its sources)");

    /// <summary>A sip of pickle juice.</summary>
    public static GuidanceStep PickleJuice { get; } = new(
        "pickle-juice",
        TimeSpan.FromSeconds(90),
        "Miller et al. 2010, Med Sci Sports Exerc 42(5):953: cramps 45% shorter than with no fluid");

    /// <summary>The steps in the order the app shows them.</summary>
    public static IReadOnlyList<GuidanceStep> Steps { get; } = [Stretch, Shin, Heat, PickleJuice];

    /// <summary>The step with <paramref name="id"/>, or null.</summary>
    public static GuidanceStep? Find(string id) => Steps.FirstOrDefault(s => s.Id == id);
}
