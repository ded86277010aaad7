namespace NightLeg.Domain.Guidance;

/// <summary>
/// What to do during a night cramp: the one place the app reads its guidance from. Written in our
/// own words from ../shared/CRAMPS.md. Immutable and thread-safe.
/// </summary>
public static class ReliefGuidance
{
    /// <summary>Stretch the calf: the first thing to do.</summary>
    public static GuidanceStep Stretch { get; } = new(
        "stretch",
        new("Stretch the calf", "Strekk leggen"),
        new("Stand up and put your weight on the cramped foot, heel down. In bed: pull your toes hard towards your knee and hold.",
            "Stå opp og legg vekten på foten som krampet, med hælen i gulvet. I sengen: dra tærne kraftig mot kneet og hold."),
        TimeSpan.FromSeconds(30),
        "Blyton et al. 2012, Cochrane review of non-drug therapies for lower-limb cramps; Allen & Kirby 2012, Am Fam Physician 86(4):350");

    /// <summary>Contract the shin muscle: reciprocal inhibition.</summary>
    public static GuidanceStep Shin { get; } = new(
        "shin",
        new("Lift your toes", "Løft tærne"),
        new("Pull your toes and the front of your foot up with the muscle on the front of your shin, as hard as you can. Tensing that muscle makes the calf let go.",
            "Løft tærne og forfoten med muskelen foran på leggen, så hardt du klarer. Når den muskelen strammes, slipper leggen taket."),
        TimeSpan.FromSeconds(20),
        "Reciprocal inhibition of the calf by the tibialis anterior (CRAMPS.md; the source article's advice)");

    /// <summary>Warmth afterwards, not cold.</summary>
    public static GuidanceStep Heat { get; } = new(
        "heat",
        new("Warmth, not ice", "Varme, ikke is"),
        new("When it lets go, warm the muscle: a warm shower, a heat pad or a warm massage. Cold stiffens the muscle and can start the cramp again.",
            "Når det slipper, varm opp muskelen: en varm dusj, en varmepute eller varm massasje. Kulde gjør muskelen stiv og kan utløse krampen igjen."),
        null,
        "CRAMPS.md relief guidance (the source article and its sources)");

    /// <summary>A sip of pickle juice.</summary>
    public static GuidanceStep PickleJuice { get; } = new(
        "pickle-juice",
        new("A sip of pickle juice", "En slurk sylteagurklake"),
        new("If you have it, a small sip of pickle brine can stop a cramp within about a minute and a half. It works in the mouth and throat, so a sip is enough.",
            "Har du det, kan en liten slurk lake fra sylteagurk stoppe krampen på rundt halvannet minutt. Den virker i munn og svelg, så en slurk holder."),
        TimeSpan.FromSeconds(90),
        "Miller et al. 2010, Med Sci Sports Exerc 42(5):953: cramps 45% shorter than with no fluid");

    /// <summary>The steps in the order the app shows them.</summary>
    public static IReadOnlyList<GuidanceStep> Steps { get; } = [Stretch, Shin, Heat, PickleJuice];

    /// <summary>When to see a doctor.</summary>
    public static LocalizedText SeeADoctor { get; } = new(
        "See a doctor if the leg swells, turns red or warm, stays weak, or if cramps come several nights a week. Restless legs and the jerks of falling asleep are different conditions.",
        "Gå til lege hvis beinet hovner opp, blir rødt eller varmt, forblir svakt, eller hvis krampene kommer flere netter i uka. Urolige bein og rykninger når du sovner er andre tilstander.");

    /// <summary>The step with <paramref name="id"/>, or null.</summary>
    public static GuidanceStep? Find(string id) => Steps.FirstOrDefault(s => s.Id == id);
}
