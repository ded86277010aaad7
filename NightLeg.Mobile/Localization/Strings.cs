using NightLeg.Domain.Cramps;
using NightLeg.Domain.Guidance;

namespace NightLeg.Mobile.Localization;

/// <summary>
/// Every word the app shows, in English and Norwegian bokmål, in one place. Short on purpose: the
/// reader is half asleep or in pain. Thread-safe.
/// </summary>
public sealed class Strings(Language language)
{
    private static readonly Dictionary<string, (string En, string Nb)> Texts = new()
    {
        ["nav.tonight"] = ("Tonight", "I natt"),
        ["nav.morning"] = ("Morning", "Morgen"),
        ["nav.history"] = ("History", "Historikk"),
        ["nav.devices"] = ("Device", "Enhet"),
        ["nav.settings"] = ("Settings", "Oppsett"),
        ["tonight.title"] = ("Tonight", "I natt"),
        ["tonight.start"] = ("Start the night", "Start natten"),
        ["tonight.stop"] = ("End the night", "Avslutt natten"),
        ["tonight.heartRate"] = ("Heart rate", "Puls"),
        ["tonight.movement"] = ("Movement", "Bevegelse"),
        ["tonight.baseline"] = ("Sleeping", "Søvnpuls"),
        ["tonight.noDevice"] = ("No wearable paired yet.", "Ingen enhet er paret ennå."),
        ["tonight.pairOne"] = ("Pair a wearable", "Par en enhet"),
        ["tonight.diskFull"] = ("The disk is full: nothing new is being stored. Free some space — recording goes on by itself, and what it records meanwhile is kept.",
            "Disken er full: ingenting nytt lagres. Frigjør plass – opptaket fortsetter av seg selv, og det som tas opp i mellomtiden, beholdes."),
        ["tonight.storageFailing"] = ("Storing fails right now. NightLeg keeps trying, and keeps the night in memory until it works.",
            "Lagringen feiler akkurat nå. NightLeg prøver igjen og holder natten i minnet til det virker."),
        ["tonight.batteryLow"] = ("Battery {0} %: charge before you sleep.", "Batteri {0} %: lad før du legger deg."),
        ["tonight.movementUnavailable"] = ("Movement unavailable: {0}. Heart rate is recorded.", "Bevegelse utilgjengelig: {0}. Pulsen registreres."),
        ["state.NoDevice"] = ("No wearable", "Ingen enhet"),
        ["state.NoBluetooth"] = ("No Bluetooth", "Ingen Bluetooth"),
        ["state.Connecting"] = ("Connecting…", "Kobler til…"),
        ["state.Recording"] = ("Recording", "Registrerer"),
        ["state.Reconnecting"] = ("Reconnecting – gap", "Kobler til igjen – hull"),
        ["sleep.AwaitingSleep"] = ("Awake", "Våken"),
        ["sleep.Asleep"] = ("Asleep", "Sover"),
        ["sleep.Awake"] = ("Awake", "Våken"),
        ["still"] = ("still", "i ro"),
        ["moving"] = ("moving", "beveger seg"),
        ["prompt.question"] = ("Woke up suddenly. A cramp?", "Våknet brått. Krampe?"),
        ["prompt.cramp"] = ("Cramp", "Krampe"),
        ["prompt.notCramp"] = ("Not a cramp", "Ikke krampe"),
        ["prompt.later"] = ("Later", "Senere"),
        ["prompt.next"] = ("Next", "Neste"),
        ["prompt.done"] = ("Done", "Ferdig"),
        ["prompt.startTimer"] = ("Start {0} s", "Start {0} s"),
        ["prompt.secondsLeft"] = ("{0} s", "{0} s"),
        ["prompt.log"] = ("Quick log", "Rask logg"),
        ["prompt.which"] = ("Which leg?", "Hvilket bein?"),
        ["prompt.howBad"] = ("How bad? 0–10", "Hvor vondt? 0–10"),
        ["prompt.save"] = ("Save", "Lagre"),
        ["prompt.saved"] = ("Saved. Sleep well.", "Lagret. Sov godt."),
        ["prompt.close"] = ("Close", "Lukk"),
        ["leg.Left"] = ("Left", "Venstre"),
        ["leg.Right"] = ("Right", "Høyre"),
        ["leg.Both"] = ("Both", "Begge"),
        ["location.Calf"] = ("Calf", "Legg"),
        ["location.Foot"] = ("Foot", "Fot"),
        ["location.Thigh"] = ("Thigh", "Lår"),
        ["location.Other"] = ("Other", "Annet"),
        ["morning.title"] = ("Last night", "Natten som gikk"),
        ["morning.none"] = ("Nothing to review. No awakenings were detected.", "Ingenting å se over. Ingen oppvåkninger ble registrert."),
        ["morning.awakening"] = ("Woke at {0}", "Våknet kl. {0}"),
        ["morning.jump"] = ("Heart rate {0} → {1}", "Puls {0} → {1}"),
        ["morning.awakeFor"] = ("awake {0} min", "våken {0} min"),
        ["morning.confirm"] = ("It was a cramp", "Det var krampe"),
        ["morning.dismiss"] = ("Not a cramp", "Ikke krampe"),
        ["morning.why"] = ("What woke you?", "Hva vekket deg?"),
        ["morning.confirmed"] = ("Cramp", "Krampe"),
        ["morning.dismissed"] = ("Not a cramp", "Ikke krampe"),
        ["morning.answered"] = ("You said in the night: {0}", "Du svarte i natt: {0}"),
        ["morning.addMissed"] = ("Add a cramp I had", "Legg til en krampe"),
        ["morning.time"] = ("Time", "Tidspunkt"),
        ["morning.where"] = ("Where?", "Hvor?"),
        ["morning.duration"] = ("How long did it last?", "Hvor lenge varte den?"),
        ["morning.disturbance"] = ("How much did cramps disturb your sleep?", "Hvor mye forstyrret krampene søvnen?"),
        ["morning.disturbanceLow"] = ("0 not at all", "0 ikke i det hele tatt"),
        ["morning.disturbanceHigh"] = ("10 completely", "10 helt"),
        ["morning.lingering"] = ("Does the leg still hurt?", "Gjør beinet fortsatt vondt?"),
        ["checkin.title"] = ("How was the day?", "Hvordan var dagen?"),
        ["checkin.lead"] = ("A tap each, all optional.", "Ett trykk hver, alt valgfritt."),
        ["checkin.run"] = ("Run", "Løp"),
        ["checkin.noRun"] = ("None", "Ingen"),
        ["checkin.easy"] = ("Easy", "Rolig"),
        ["checkin.hard"] = ("Hard or long", "Hardt eller langt"),
        ["checkin.surface"] = ("On", "Underlag"),
        ["surface.Road"] = ("Road", "Asfalt"),
        ["surface.Trail"] = ("Trail", "Sti"),
        ["surface.Track"] = ("Track", "Bane"),
        ["surface.Treadmill"] = ("Treadmill", "Mølle"),
        ["checkin.otherHardTraining"] = ("Other hard training", "Annen hard trening"),
        ["checkin.newShoes"] = ("New or other shoes", "Nye eller andre sko"),
        ["checkin.enoughToDrink"] = ("Enough to drink", "Nok å drikke"),
        ["checkin.alcohol"] = ("Alcohol", "Alkohol"),
        ["checkin.magnesiumOrSalt"] = ("Magnesium or salt", "Magnesium eller salt"),
        ["checkin.heavyDuvet"] = ("Heavy duvet", "Tung dyne"),
        ["checkin.tags"] = ("Own tags", "Egne stikkord"),
        ["checkin.addTag"] = ("+ tag", "+ stikkord"),
        ["checkin.save"] = ("Done", "Ferdig"),
        ["checkin.skip"] = ("Not tonight", "Ikke i kveld"),
        ["night.day"] = ("The day before", "Dagen før"),
        ["night.editDay"] = ("Edit the day", "Endre dagen"),
        ["night.noDay"] = ("No check-in for this day.", "Ingen innsjekk for denne dagen."),
        ["history.nights"] = ("Nights", "Netter"),
        ["insights.title"] = ("What goes with your cramp nights", "Hva henger sammen med krampenettene"),
        ["insights.none"] = ("Check in in the evening: after a few weeks NightLeg shows what goes with your cramp nights.", "Sjekk inn om kvelden: etter noen uker viser NightLeg hva som henger sammen med krampenettene."),
        ["insights.counts"] = ("{0} cramp nights of {1} nights.", "{0} krampenetter av {1} netter."),
        ["insights.more"] = ("More cramp nights with it", "Flere krampenetter med dette"),
        ["insights.fewer"] = ("Fewer cramp nights with it", "Færre krampenetter med dette"),
        ["insights.with"] = ("with: {0} of {1} nights", "med: {0} av {1} netter"),
        ["insights.without"] = ("without: {0} of {1} nights", "uten: {0} av {1} netter"),
        ["insights.interval"] = ("Difference {0} percentage points (95 % interval {1} to {2}).", "Forskjell {0} prosentpoeng (95 %-intervall {1} til {2})."),
        ["insights.noPattern"] = ("Nothing stands out yet: no factor goes clearly with your cramp nights.", "Ingenting skiller seg ut ennå: ingen faktor henger tydelig sammen med krampenettene."),
        ["insights.unclear"] = ("No clear difference:", "Ingen tydelig forskjell:"),
        ["insights.waiting"] = ("Needs more nights:", "Trenger flere netter:"),
        ["insights.needs"] = ("about {0} more with, {1} without", "omtrent {0} til med, {1} uten"),
        ["insights.method"] = ("What goes together is not necessarily the cause. A factor is judged after {0} nights with it and {0} without (Fisher's exact test); of the factors shown as clear, at most about 1 in {1} may be chance.",
            "Det som henger sammen, er ikke nødvendigvis årsaken. En faktor vurderes etter {0} netter med og {0} uten (Fishers eksakte test); av faktorene som vises som tydelige, kan høyst omtrent 1 av {1} være tilfeldig."),
        ["helps.title"] = ("What helps you", "Hva hjelper deg"),
        ["helps.waiting"] = ("After {0} cramps with a relief step and {0} without it (with how long they lasted), NightLeg compares them here.",
            "Etter {0} kramper med et tiltak og {0} uten (med hvor lenge de varte) sammenligner NightLeg dem her."),
        ["helps.duration"] = ("Cramps lasted a median {0} min with it ({1} cramps), {2} min without ({3}).", "Krampene varte median {0} min med dette ({1} kramper), {2} min uten ({3})."),
        ["helps.sleep"] = ("Asleep again after {0} min, against {1} min.", "Sovnet igjen etter {0} min, mot {1} min."),
        ["factor.ran"] = ("Ran that day", "Løp den dagen"),
        ["factor.hardRun"] = ("Hard or long run", "Hard eller lang tur"),
        ["factor.roadRun"] = ("Ran on road", "Løp på asfalt"),
        ["factor.otherHardTraining"] = ("Other hard training", "Annen hard trening"),
        ["factor.newShoes"] = ("New or other shoes", "Nye eller andre sko"),
        ["factor.littleToDrink"] = ("Too little to drink", "For lite å drikke"),
        ["factor.alcohol"] = ("Alcohol", "Alkohol"),
        ["factor.magnesiumOrSalt"] = ("Magnesium or salt", "Magnesium eller salt"),
        ["factor.heavyDuvet"] = ("Heavy duvet", "Tung dyne"),
        ["factor.onStomach"] = ("Slept mostly on the stomach", "Sov mest på magen"),
        ["factor.onBack"] = ("Slept mostly on the back", "Sov mest på ryggen"),
        ["factor.shortSleep"] = ("Under 6 h asleep", "Under 6 t søvn"),
        ["factor.restingHeartRateUp"] = ("Resting heart rate up", "Forhøyet hvilepuls"),
        ["report.open"] = ("Report for the doctor", "Rapport til legen"),
        ["report.title"] = ("Report", "Rapport"),
        ["report.weeks"] = ("{0} weeks", "{0} uker"),
        ["report.print"] = ("Print or save as PDF", "Skriv ut eller lagre som PDF"),
        ["report.heading"] = ("Night leg cramps: diary", "Nattlige leggkramper: dagbok"),
        ["report.span"] = ("{0} nights, {1} recorded", "{0} netter, {1} registrert"),
        ["report.summary"] = ("Summary", "Sammendrag"),
        ["report.cramps"] = ("Cramps", "Kramper"),
        ["report.crampNights"] = ("Nights with cramps", "Netter med kramper"),
        ["report.perNight"] = ("Cramps per night", "Kramper per natt"),
        ["report.perWeek"] = ("Cramps per week", "Kramper per uke"),
        ["report.intensity"] = ("Intensity 0–10, median", "Styrke 0–10, median"),
        ["report.max"] = ("max", "maks"),
        ["report.duration"] = ("Duration, median", "Varighet, median"),
        ["report.location"] = ("Where", "Hvor"),
        ["report.leg"] = ("Leg", "Bein"),
        ["report.disturbance"] = ("Sleep disturbance 0–10, mean", "Søvnforstyrrelse 0–10, snitt"),
        ["report.nightsAnswered"] = ("{0} nights answered", "{0} netter besvart"),
        ["report.lingering"] = ("Mornings with lingering pain", "Morgener med ettersmerter"),
        ["report.timeOfNight"] = ("Time of night", "Tid på natten"),
        ["report.timeOfNightValue"] = ("before 00: {0} · 00–03: {1} · 03–06: {2} · after 06: {3}", "før 00: {0} · 00–03: {1} · 03–06: {2} · etter 06: {3}"),
        ["report.helped"] = ("What helped", "Hva hjalp"),
        ["report.factors"] = ("The days (nights with / nights answered)", "Dagene (netter med / netter besvart)"),
        ["report.nightsShort"] = ("nights", "netter"),
        ["report.nights"] = ("Night by night", "Natt for natt"),
        ["report.date"] = ("Night of", "Natt til"),
        ["report.crampsShort"] = ("Cramps", "Kramper"),
        ["report.where"] = ("Where", "Hvor"),
        ["report.disturbanceShort"] = ("Sleep 0–10", "Søvn 0–10"),
        ["report.painShort"] = ("Pain next morning", "Smerte neste morgen"),
        ["report.footer"] = ("Recorded with NightLeg: awakenings detected from heart rate and movement, each cramp confirmed by the patient. * = not recorded, logged by hand.",
            "Registrert med NightLeg: oppvåkninger oppdaget fra puls og bevegelse, hver krampe bekreftet av pasienten. * = ikke registrert, ført for hånd."),
        ["error.sleepDisturbance.range"] = ("Sleep disturbance is from 0 (not at all) to 10 (completely); {0} is outside that.", "Søvnforstyrrelse er fra 0 (ikke i det hele tatt) til 10 (helt); {0} er utenfor."),
        ["error.lingeringPain.range"] = ("Pain is from 0 to 10; {0} is outside that.", "Smerte er fra 0 til 10; {0} er utenfor."),
        ["error.runKm.range"] = ("A run is from 0 to {1} km; {0} is outside that.", "En løpetur er fra 0 til {1} km; {0} er utenfor."),
        ["error.effort.unknown"] = ("\"{0}\" is not an effort. Choose easy or hard.", "«{0}» er ikke en innsats. Velg rolig eller hardt."),
        ["error.surface.unknown"] = ("\"{0}\" is not a surface. Choose road, trail, track or treadmill.", "«{0}» er ikke et underlag. Velg asfalt, sti, bane eller mølle."),
        ["error.tag.invalid"] = ("A tag is a short word or two (at most {0} characters).", "Et stikkord er et kort ord eller to (høyst {0} tegn)."),
        ["error.tags.tooMany"] = ("At most {0} tags a day.", "Høyst {0} stikkord per dag."),
        ["morning.helped"] = ("What helped?", "Hva hjalp?"),
        ["morning.slept"] = ("Back to sleep? After how long?", "Sovnet igjen? Etter hvor lenge?"),
        ["morning.yes"] = ("Yes", "Ja"),
        ["morning.no"] = ("No", "Nei"),
        ["morning.note"] = ("Note", "Notat"),
        ["morning.save"] = ("Save", "Lagre"),
        ["morning.cancel"] = ("Cancel", "Avbryt"),
        ["morning.nothingToAsk"] = ("Nothing to ask about. You slept on after each awakening.", "Ingenting å spørre om. Du sovnet igjen etter hver oppvåkning."),
        ["morning.brief.one"] = ("1 brief awakening", "1 kort oppvåkning"),
        ["morning.brief.many"] = ("{0} brief awakenings", "{0} korte oppvåkninger"),
        ["morning.briefWhy"] = ("Back asleep within minutes. Open one if it was a cramp.", "Sovnet igjen etter få minutter. Åpne den hvis det var krampe."),
        ["dismiss.Bathroom"] = ("Bathroom", "Toalettet"),
        ["dismiss.Noise"] = ("Noise", "Lyd"),
        ["dismiss.Child"] = ("Child", "Barn"),
        ["dismiss.Partner"] = ("Partner", "Partner"),
        ["dismiss.Other"] = ("Other", "Annet"),
        ["answer.Cramp"] = ("cramp", "krampe"),
        ["answer.NotACramp"] = ("not a cramp", "ikke krampe"),
        ["answer.Later"] = ("later", "senere"),
        ["history.title"] = ("History", "Historikk"),
        ["history.empty"] = ("No nights recorded yet.", "Ingen netter registrert ennå."),
        ["history.crampNights"] = ("Cramp nights", "Netter med krampe"),
        ["history.perWeek"] = ("per week", "per uke"),
        ["history.perMonth"] = ("per month", "per måned"),
        ["history.asleep"] = ("asleep", "søvn"),
        ["history.cramps.one"] = ("1 cramp", "1 krampe"),
        ["history.cramps.many"] = ("{0} cramps", "{0} kramper"),
        ["history.awakenings.one"] = ("1 awakening", "1 oppvåkning"),
        ["history.awakenings.many"] = ("{0} awakenings", "{0} oppvåkninger"),
        ["night.brief"] = ("brief awakening", "kort oppvåkning"),
        ["night.notWorn"] = ("Not worn", "Ikke brukt"),
        ["night.linkGap"] = ("No data", "Ingen data"),
        ["night.battery"] = ("Battery", "Batteri"),
        ["history.brief.one"] = ("1 brief", "1 kort"),
        ["history.brief.many"] = ("{0} brief", "{0} korte"),
        ["night.heartRate"] = ("Heart rate (bpm)", "Puls (slag/min)"),
        ["night.movement"] = ("Movement", "Bevegelse"),
        ["night.inBed"] = ("In bed", "I sengen"),
        ["night.asleep"] = ("Asleep", "Søvn"),
        ["night.lowest"] = ("Lowest", "Lavest"),
        ["night.typical"] = ("Typical", "Typisk"),
        ["night.gaps"] = ("Gaps", "Hull"),
        ["night.events"] = ("Events", "Hendelser"),
        ["night.back"] = ("All nights", "Alle netter"),
        ["devices.title"] = ("Wearable", "Enhet"),
        ["devices.scan"] = ("Search", "Søk"),
        ["devices.scanning"] = ("Searching…", "Søker…"),
        ["devices.pair"] = ("Use this", "Bruk denne"),
        ["devices.forget"] = ("Forget", "Glem"),
        ["devices.paired"] = ("In use", "I bruk"),
        ["devices.noBluetooth"] = ("This machine has no Bluetooth NightLeg can use. Try the demo wearable.", "Denne maskinen har ingen Bluetooth NightLeg kan bruke. Prøv demo-enheten."),
        ["devices.demo"] = ("Demo wearable (a synthetic night)", "Demo-enhet (en syntetisk natt)"),
        ["devices.offers"] = ("Offers", "Måler"),
        ["devices.hr"] = ("heart rate", "puls"),
        ["devices.motion"] = ("motion", "bevegelse"),
        ["devices.battery"] = ("battery", "batteri"),
        ["devices.hrOnly"] = ("Heart rate only: finds about 8 in 10 cramps, a minute after you wake.", "Bare puls: finner omtrent 8 av 10 kramper, et minutt etter at du våkner."),
        ["devices.whatTitle"] = ("What a wearable can tell", "Hva en enhet kan se"),
        ["devices.whatMotion"] = ("With motion (Polar H10, Verity Sense, InfiniTime): a cramp is noticed within about 15 seconds, and about 19 in 20 are found.", "Med bevegelse (Polar H10, Verity Sense, InfiniTime): en krampe merkes innen omtrent 15 sekunder, og omtrent 19 av 20 blir funnet."),
        ["devices.whatHeart"] = ("Heart rate alone: in real sleep the heart rate jumps by 20–40 beats for up to 40 seconds, without waking you. So NightLeg waits until a rise has lasted longer: about a minute. It finds about 8 in 10 cramps, and in real sleep-lab nights it showed a prompt to a sleeping person under once a night.", "Bare puls: i ekte søvn hopper pulsen 20–40 slag i opptil 40 sekunder uten at du våkner. Derfor venter NightLeg til en økning har vart lenger: omtrent et minutt. Den finner omtrent 8 av 10 kramper, og i ekte søvnlabnetter viste den varsel til en sovende under én gang per natt."),
        ["devices.whatSilent"] = ("Either way the prompt is silent: it is there when you look.", "Uansett er varselet stille: det er der når du ser."),
        ["settings.title"] = ("Settings", "Innstillinger"),
        ["settings.language"] = ("Language", "Språk"),
        ["settings.browser"] = ("Like the browser", "Som nettleseren"),
        ["settings.sensitivity"] = ("Prompt sensitivity", "Varslingsfølsomhet"),
        ["sensitivity.Low"] = ("Low – fewer prompts", "Lav – færre varsler"),
        ["sensitivity.Normal"] = ("Normal", "Normal"),
        ["sensitivity.High"] = ("High – more prompts", "Høy – flere varsler"),
        ["settings.device"] = ("Wearable", "Enhet"),
        ["settings.database"] = ("Data is stored only here", "Data lagres bare her"),
        ["settings.export"] = ("Export all data", "Eksporter alle data"),
        ["settings.browsers"] = ("Signed-in browsers", "Innloggede nettlesere"),
        ["settings.browsersNote"] = ("Each entered the access code. Sign out any you do not know.", "Hver av dem har skrevet inn tilgangskoden. Logg ut dem du ikke kjenner."),
        ["settings.signedIn"] = ("signed in {0:d MMM}, last seen {1:d MMM HH:mm}", "logget inn {0:d. MMM}, sist sett {1:d. MMM HH:mm}"),
        ["settings.signOut"] = ("Sign out", "Logg ut"),
        ["settings.noBrowsers"] = ("No browser is signed in.", "Ingen nettleser er logget inn."),
        ["settings.lastBackup"] = ("Backed up every day (the last 7 kept); the latest on {0:d MMM HH:mm}, in {1}.", "Sikkerhetskopieres hver dag (de siste 7 beholdes); sist {0:d. MMM HH:mm}, i {1}."),
        ["settings.noBackup"] = ("Backed up every day after the morning (the last 7 kept); none yet.", "Sikkerhetskopieres hver dag etter morgenen (de siste 7 beholdes); ingen ennå."),
        // Domain validation errors, by their code (NightLeg.Domain writes English; {0}… are the error's arguments).
        ["error.leg.unknown"] = ("\"{0}\" is not a leg. Choose left, right or both.", "«{0}» er ikke et bein. Velg venstre, høyre eller begge."),
        ["error.location.unknown"] = ("\"{0}\" is not a place we know. Choose calf, foot, thigh or other.", "«{0}» er ikke et sted vi kjenner. Velg legg, fot, lår eller annet."),
        ["error.intensity.range"] = ("Intensity is from 0 (no pain) to 10 (worst imaginable); {0} is outside that.", "Styrke er fra 0 (ingen smerte) til 10 (verst tenkelig); {0} er utenfor."),
        ["error.duration.positive"] = ("A cramp lasts at least a second.", "En krampe varer minst et sekund."),
        ["error.duration.tooLong"] = ("A cramp lasts up to about ten minutes; {0} minutes is too long. Enter at most {1} minutes (the soreness afterwards is not part of it).",
            "En krampe varer opptil omtrent ti minutter; {0} minutter er for lenge. Skriv høyst {1} minutter (ømheten etterpå hører ikke med)."),
        ["error.backToSleep.range"] = ("Time to fall asleep again is from 0 to {0} hours.", "Tiden før du sovnet igjen er fra 0 til {0} timer."),
        ["error.backToSleep.unknown"] = ("Back to sleep is yes, no, or after how many minutes.", "Sovnet igjen er ja, nei eller etter hvor mange minutter."),
        ["error.note.tooLong"] = ("The note is {0} characters; keep it under {1}.", "Notatet er {0} tegn; hold det under {1}."),
        ["error.whatHelped.tooLong"] = ("Keep each \"what helped\" entry under {0} characters.", "Hold hvert «hva hjalp»-svar under {0} tegn."),
        ["error.reason.unknown"] = ("Choose bathroom, noise, child, partner or other.", "Velg toalettet, lyd, barn, partner eller annet."),
        ["error.at.outsideNight"] = ("{0:HH:mm} on {0:d MMM} is not in the night of {1:d MMM}; choose a time between {2:HH:mm} and {3:HH:mm}.",
            "{0:HH:mm} den {0:d. MMMM} er ikke i natten til {1:d. MMMM}; velg et tidspunkt mellom {2:HH:mm} og {3:HH:mm}."),
        ["error.at.future"] = ("That time has not happened yet.", "Det tidspunktet har ikke kommet ennå."),
        ["error.event.notFound"] = ("That event no longer exists.", "Den hendelsen finnes ikke lenger."),
        ["settings.saved"] = ("Saved", "Lagret"),
        ["settings.sound"] = ("Sound and vibration", "Lyd og vibrasjon"),
        ["settings.soundOff"] = ("Off: the prompt waits silently on the screen", "Av: varselet venter stille på skjermen"),
        ["settings.soundOn"] = ("On when movement shows you are awake", "På når bevegelse viser at du er våken"),
        ["settings.soundNote"] = ("A cramp wakes you; the prompt only has to be there when you look. Sound never plays for heart rate alone.", "En krampe vekker deg; varselet trenger bare å være der når du ser. Lyd spilles aldri for puls alene."),
        ["settings.restart"] = ("Sensitivity applies from the next start.", "Følsomheten gjelder fra neste start."),
    };

    /// <summary>The language.</summary>
    public Language Language { get; } = language;

    /// <summary>The text for <paramref name="key"/> (the key itself when missing, so a gap is visible).</summary>
    public string this[string key] => Texts.TryGetValue(key, out var t) ? (Language == Language.NorwegianBokmal ? t.Nb : t.En) : key;

    /// <summary>The culture for dates and month names in this language (nb-NO or en-GB).</summary>
    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(Language == Language.NorwegianBokmal ? "nb-NO" : "en-GB");

    /// <summary>A formatted text with dates in the language's own words (numbers stay invariant).</summary>
    public string FormatDates(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>A validation error from the domain in this language, by its code (the domain's English when the code is new here).</summary>
    public string Error(ValidationError error) =>
        Texts.ContainsKey("error." + error.Code) ? string.Format(Culture, this["error." + error.Code], [.. error.Args]) : error.Message;

    /// <summary>Several validation errors, one sentence each.</summary>
    public string Errors(IEnumerable<ValidationError> errors) => string.Join(" ", errors.Select(Error));

    /// <summary>A formatted text.</summary>
    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    /// <summary>A count with its noun: <c>key.one</c> for 1, <c>key.many</c> otherwise.</summary>
    public string Count(string key, int n) => n == 1 ? this[key + ".one"] : Format(key + ".many", n);

    /// <summary>A localized domain text.</summary>
    public string this[LocalizedText text] => text.In(Language);

    /// <summary>Every key (for tests: both languages present for each).</summary>
    public static IEnumerable<(string Key, string En, string Nb)> All => Texts.Select(t => (t.Key, t.Value.En, t.Value.Nb));

    /// <summary>The language for an Accept-Language header: bokmål for nb, no, nn; else English.</summary>
    public static Language FromAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? string.Empty).Split(','))
        {
            var tag = part.Split(';')[0].Trim().ToLowerInvariant();
            if (tag.StartsWith("nb", StringComparison.Ordinal) || tag.StartsWith("no", StringComparison.Ordinal) || tag.StartsWith("nn", StringComparison.Ordinal))
            {
                return Language.NorwegianBokmal;
            }

            if (tag.StartsWith("en", StringComparison.Ordinal))
            {
                return Language.English;
            }
        }

        return Language.English;
    }
}
