namespace NightLeg.Domain.Detection;

/// <summary>
/// The detector's fixed thresholds, each with its reason. Sources are in ../shared/CRAMPS.md;
/// "measured" means measured by us on the synthetic nights (docs/benchmarks.md).
/// </summary>
public static class DetectorConstants
{
    /// <summary>Movement (g, vector SD over a second) that counts as an active second: above MEMS noise and chest breathing (≈5–15 mg), below a turn-over (≥ 0.1 g).</summary>
    public const double ActiveMovementG = 0.04;

    /// <summary>Seconds of recent activity the detector looks at: a turn-over is 2–5 s, a cramp keeps the sleeper moving (sitting up, stretching) for minutes.</summary>
    public const int ActivityWindowSeconds = 20;

    /// <summary>Heart rate is the median of this many seconds: one or two spiky readings (artefacts, ectopic beats) cannot move it.</summary>
    public const int HeartRateMedianSeconds = 5;

    /// <summary>Fewest readings in the median window for a heart rate to count (else it is a drop-out).</summary>
    public const int HeartRateMedianMinimumReadings = 3;

    /// <summary>Sleeping baseline = median heart rate over 10 minutes of sleep: slow enough to ignore REM swings lasting seconds to minutes, fast enough to follow stage changes and the night's drift.</summary>
    public const int BaselineWindowSeconds = 600;

    /// <summary>The baseline lags the present by this much (s), so an awakening cannot raise its own baseline before it is decided (decisions take ≤ 30 s).</summary>
    public const int BaselineLagSeconds = 60;

    /// <summary>A disturbance that has not become an awakening within this many seconds is a slow shift (a stage change, the drift of REM), not a sudden awakening: its evidence is dropped. Long enough for the slowest heart-rate-only decision (sustain × unsettled factor, from a rise that needs ≈10 s to reach the allowance).</summary>
    public const int MaxDisturbanceSeconds = 120;

    /// <summary>Heart rate alone decides only this soon after the rise first reached the allowance: the rise must then be sustained (up to 75 s at Normal in unsettled sleep); a rise that wavers longer is a slow swing, not a sudden awakening. (Counted from the crossing, not the first disturbed second: in restless sleep — apnoea, an arousal before — the disturbance opens early and a cramp's sustain would not fit.)</summary>
    public const int HeartRateOnlyDecisionSeconds = 100;

    /// <summary>Movement decides only while the sleeper is still moving: fewer than this many seconds with data and no movement since the last active one. A cramp keeps the leg working; a bout that has come to rest is over.</summary>
    public const int OngoingStillSeconds = 3;

    /// <summary>Seconds with motion data but no movement that end a bout of movement: pauses inside a cramp (re-gripping, shifting) last a few seconds; a bout that rests this long is over.</summary>
    public const int BoutEndStillSeconds = 15;

    /// <summary>On a chest strap, seconds of a bout spent sitting up or standing that decide at once (with <see cref="UprightActiveSeconds"/> of movement and any heart-rate rise): nobody sits up asleep.</summary>
    public const int UprightSeconds = 3;

    /// <summary>Active seconds a bout needs when the sleeper sat up (a chest strap).</summary>
    public const int UprightActiveSeconds = 5;

    /// <summary>A bout of movement that ended less than this long (s) before another began leaves the sleep restless (<see cref="DetectorThresholds.UnsettledMovementFactor"/>).</summary>
    public const int SettledMovementSeconds = 300;

    /// <summary>A bout at least this large (active seconds) unsettles the sleep: a turn-over's 2–6 s does not.</summary>
    public const int UnsettlingBoutActiveSeconds = 8;

    /// <summary>Heart-rate rise (bpm, 5-s median over baseline) that, with sustained movement, confirms an awakening: any real rise, above the ±2 bpm jitter of the median.</summary>
    public const double MotionLedRiseBpm = 3;

    /// <summary>When the wearable measures motion, a heart-rate-only decision still needs this many active seconds in the last 20 s: a cramp keeps the leg working; REM (atonia) is still, and an arousal's limb movement lasts 1–4 s.</summary>
    public const int MinimumActiveSecondsForHeartRateOnly = 5;

    /// <summary>The sleeper's surge level is the rise reached in 0.5 % of the seconds asleep (≈2.5 minutes of an 8-hour night: the tops of REM and arousal surges).</summary>
    public const double SurgeLevelQuantile = 0.995;

    /// <summary>A second below the heart-rate-only allowance takes this many seconds off the sustained run instead of ending it: a cramp's heart rate near the allowance wavers across it; a surge falls away for good.</summary>
    public const int AloneRunDipPenaltySeconds = 3;

    /// <summary>Sleep is settled when no second in this long (s) rose past the heart-rate-only allowance: real arousals cluster in fragmented sleep; a cramp wakes the sleeper out of quiet sleep.</summary>
    public const int SettledSleepSeconds = 600;

    /// <summary>Heart-rate-only prompts tonight that turned out brief awakenings before the allowance starts to rise: most nights have none to two; a sleeper whose surges keep reaching the rule (one real night gave 13) gets fewer.</summary>
    public const int LearnedHeartRateFreePrompts = 3;

    /// <summary>Each further such prompt raises the heart-rate-only allowance by this fraction…</summary>
    public const double LearnedHeartRateStep = 0.25;

    /// <summary>…up to this many times the sleeper's allowance (a cramp's +12–25 bpm still clears 1.5 × the 10-bpm floor in most cases).</summary>
    public const double LearnedHeartRateCap = 1.5;

    /// <summary>Seconds of calm heart rate needed before a baseline exists.</summary>
    public const int BaselineMinimumSeconds = 120;

    /// <summary>A second with heart rate this far above baseline (bpm) opens a disturbance: the onset estimate.</summary>
    public const double DisturbanceHeartRateBpm = 4;

    /// <summary>Calm seconds that close a disturbance (and reset the evidence).</summary>
    public const int DisturbanceEndCalmSeconds = 30;

    /// <summary>A data gap longer than this (s) resets the short-term evidence: we do not know what happened inside it.</summary>
    public const int MaxBridgedGapSeconds = 30;

    /// <summary>Seconds of motion data within which "this wearable measures motion" still holds.</summary>
    public const int MotionPresentSeconds = 60;

    /// <summary>A minute with at most this many active seconds is calm: about 21 movements an hour in sleep (Sicbaldi 2025) is one short turn-over every few minutes.</summary>
    public const int CalmMinuteMaxActiveSeconds = 5;

    /// <summary>A calm minute has at most this many separate movements: sleep has ≈21 an hour (one every ≈3 min), awake lying ≈90 (1.5 a minute; Sicbaldi 2025).</summary>
    public const int CalmMinuteMaxMovements = 1;

    /// <summary>A calm minute's median heart rate is at most this far above baseline (bpm).</summary>
    public const double CalmMinuteMaxRiseBpm = 5;

    /// <summary>Calm minutes in a row that establish sleep at the start of the night (sleep onset latency is typically 10–20 min).</summary>
    public const int SleepOnsetCalmMinutes = 10;

    /// <summary>Calm minutes in a row after an awakening that rearm the prompt: the user is asleep again (wake-to-sleep again is usually ≥ 5 min after a cramp).</summary>
    public const int RearmCalmMinutes = 5;

    /// <summary>Heart rate above the frozen baseline (bpm) still compatible with falling asleep again after an awakening.</summary>
    public const double RearmMaxRiseBpm = 8;
}
