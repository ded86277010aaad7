namespace NightLeg.Mobile.Localization;

/// <summary>The relief guidance's words (what the steps of <see cref="NightLeg.Domain.Guidance.ReliefGuidance"/> say), in our own words from CRAMPS.md.</summary>
public sealed partial class Strings
{
    /// <summary>Each step's title and instruction by its id, and when to see a doctor.</summary>
    private static Dictionary<string, (string En, string Nb)> Guidance() => new()
    {
        ["guidance.stretch.title"] = ("Stretch the calf", "Strekk leggen"),
        ["guidance.stretch.instruction"] = ("Stand up and put your weight on the cramped foot, heel down. In bed: pull your toes hard towards your knee and hold.",
            "Stå opp og legg vekten på foten som krampet, med hælen i gulvet. I sengen: dra tærne kraftig mot kneet og hold."),
        ["guidance.shin.title"] = ("Lift your toes", "Løft tærne"),
        ["guidance.shin.instruction"] = ("Pull your toes and the front of your foot up with the muscle on the front of your shin, as hard as you can. Tensing that muscle makes the calf let go.",
            "Løft tærne og forfoten med muskelen foran på leggen, så hardt du klarer. Når den muskelen strammes, slipper leggen taket."),
        ["guidance.heat.title"] = ("Warmth, not ice", "Varme, ikke is"),
        ["guidance.heat.instruction"] = ("When it lets go, warm the muscle: a warm shower, a heat pad or a warm massage. Cold stiffens the muscle and can start the cramp again.",
            "Når det slipper, varm opp muskelen: en varm dusj, en varmepute eller varm massasje. Kulde gjør muskelen stiv og kan utløse krampen igjen."),
        ["guidance.pickle-juice.title"] = ("A sip of pickle juice", "En slurk sylteagurklake"),
        ["guidance.pickle-juice.instruction"] = ("If you have it, a small sip of pickle brine can stop a cramp within about a minute and a half. It works in the mouth and throat, so a sip is enough.",
            "Har du det, kan en liten slurk lake fra sylteagurk stoppe krampen på rundt halvannet minutt. Den virker i munn og svelg, så en slurk holder."),
        ["guidance.seeADoctor"] = ("See a doctor if the leg swells, turns red or warm, stays weak, or if cramps come several nights a week. Restless legs and the jerks of falling asleep are different conditions.",
            "Gå til lege hvis beinet hovner opp, blir rødt eller varmt, forblir svakt, eller hvis krampene kommer flere netter i uka. Urolige bein og rykninger når du sovner er andre tilstander."),
    };
}
