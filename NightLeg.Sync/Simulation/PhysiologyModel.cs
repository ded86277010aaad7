namespace NightLeg.Sync.Simulation;

/// <summary>
/// The parameters of the synthetic night, each with its source or its reason. The same table is
/// in docs/physiology-model.md; keep them together. These are a model, not measurements of a
/// cramp (no study has measured a cramp awakening itself; see ../shared/CRAMPS.md).
/// </summary>
public static class PhysiologyModel
{
    /// <summary>Sleeping (N2) heart rate of the simulated runner, bpm: trained adults sleep at ≈45–65 bpm.</summary>
    public const double BaselineMinBpm = 46, BaselineMaxBpm = 64;

    /// <summary>Awake lying in bed above the N2 level, bpm. Real nights: wake runs only +2–3 bpm above the 10 minutes before it and +6 above the night's N2 (docs/physiology-model.md); the surge at waking is modelled apart.</summary>
    public const double WakeOffsetMinBpm = 0, WakeOffsetMaxBpm = 5;

    /// <summary>Stage offsets from N2, bpm (real nights, median of nights: N1 +1, N3 +1 to +2, REM +3).</summary>
    public const double N1OffsetBpm = 1, N3OffsetBpm = 1, RemOffsetBpm = 3;

    /// <summary>Fall of the sleeping heart rate over the night, bpm, per night (real nights: from −6 to +12, median ≈ +2 between the first and last two hours).</summary>
    public const double NightlyDeclineMinBpm = -3, NightlyDeclineMaxBpm = 8;

    /// <summary>Heart rate follows its target with this time constant (s) outside sudden events.</summary>
    public const double HeartRateTauSeconds = 25;

    /// <summary>Slow heart-rate wander: AR(1) with this correlation time (s) and stationary SD (bpm).</summary>
    public const double WanderTauSeconds = 200, WanderSdBpm = 2;

    /// <summary>Respiratory sinus arrhythmia: RR modulated by ±4% at the breathing rate (≈0.25 Hz in sleep).</summary>
    public const double RsaFraction = 0.04, BreathingHz = 0.25;

    /// <summary>Beat-to-beat RR noise, ms (sleeping HRV, RMSSD ≈ 30–60 ms in fit adults).</summary>
    public const double RrNoiseMs = 15;

    /// <summary>
    /// Heart-rate surges in sleep (autonomic arousals, phasic REM), per hour of each stage at an
    /// average sleeper; each surge is +<see cref="SurgeMinBpm"/> plus an exponential size with the
    /// stage's mean (bpm). Calibrated against the real nights (surges ≥ +10 bpm per hour: N1 13.7,
    /// N2 1.7, N3 0.5, REM 6.9; their peaks p50/p90: N1 +16/+28, N2 +13/+28, REM +12/+21).
    /// </summary>
    public const double SurgesPerHourN1 = 20, SurgesPerHourN2 = 1, SurgesPerHourN3 = 0.5, SurgesPerHourRem = 24;

    /// <summary>Mean surge size above <see cref="SurgeMinBpm"/> by stage, bpm.</summary>
    public const double SurgeMeanN1Bpm = 7, SurgeMeanNremBpm = 5.5, SurgeMeanRemBpm = 4.5;

    /// <summary>Smallest and largest surge modelled, bpm (no real night's p99.9 of the rise asleep exceeds +46).</summary>
    public const double SurgeMinBpm = 2, SurgeMaxBpm = 40;

    /// <summary>
    /// How much sleepers differ: each sleeper's surge rate is multiplied by a log-normal factor with
    /// this SD (of the log), and surge sizes by another (real nights: a sleeper's surge level, the
    /// p99.9 of the rise asleep, runs from +18 to +37 bpm, p10–p90).
    /// </summary>
    public const double SleeperRateSpread = 0.6, SleeperSizeSpread = 0.25;

    /// <summary>A surge holds its peak for this many seconds plus an exponential with the stage's mean (REM surges last longer: real length p90 45 s against 23–36 s).</summary>
    public const double SurgeHoldMinSeconds = 3, SurgeHoldMeanRemSeconds = 12, SurgeHoldMeanNremSeconds = 7;

    /// <summary>
    /// The surge at waking: every ordinary wake bout begins with one, +<see cref="WakeSurgeMinBpm"/>
    /// plus an exponential with this mean (bpm), bigger for bouts of ≥ 2 min (real: peak in the first
    /// minute +14 for bouts under 2 min, +19 for longer ones, median).
    /// </summary>
    public const double WakeSurgeMinBpm = 6, WakeSurgeMeanShortBpm = 10, WakeSurgeMeanLongBpm = 16;

    /// <summary>
    /// Bouts of movement per hour of each stage and of lying awake: a turn-over, or an arousal with a run
    /// of movements. Calibrated against the real motion nights (data/motion-nights: ≈ 6 bouts an hour in
    /// bed after sleep onset, 5 of them with ≥ 5 active seconds), most in light sleep and awake, few in
    /// REM (atonia) and N3.
    /// </summary>
    public const double MoveBoutsPerHourN1 = 20, MoveBoutsPerHourN2 = 3, MoveBoutsPerHourN3 = 1, MoveBoutsPerHourRem = 1.5, MoveBoutsPerHourAwake = 45;

    /// <summary>A bout's active seconds are log-normal with this median and log-SD (real: p50 8, p90 25, p99 ≈ 150), at most the maximum.</summary>
    public const double MoveBoutActiveMedianSeconds = 6, MoveBoutActiveSpread = 0.85, MoveBoutActiveMaxSeconds = 180;

    /// <summary>Share of a bout's seconds that move (the rest are pauses between its movements).</summary>
    public const double MoveBoutShareMin = 0.5, MoveBoutShareMax = 0.95;

    /// <summary>Dynamic acceleration of a moving second, g (real: vector SD p50 0.27 g, p90 0.65 g).</summary>
    public const double MoveMinG = 0.3, MoveMaxG = 1.0;

    /// <summary>Share of bouts that end in another lying position (a turn-over).</summary>
    public const double MoveTurnShare = 0.7;

    /// <summary>
    /// Movement in sleep comes with an arousal: this share of bouts brings a heart-rate surge of
    /// +<see cref="MoveSurgeMinBpm"/> plus an exponential with this mean (real: 0.89 of bouts, peak p50 +25,
    /// p90 +43 bpm), held while the bout lasts.
    /// </summary>
    public const double MoveSurgeShare = 0.95, MoveSurgeMinBpm = 10, MoveSurgeMeanBpm = 14;

    /// <summary>Share of long (≥ 2 min) ordinary awakenings in which the sleeper gets up (bathroom).</summary>
    public const double GetUpShare = 0.5;

    /// <summary>Heart rate standing and walking above lying awake, bpm (Bonnet &amp; Arand 1999: standing &gt; sitting &gt; lying).</summary>
    public const double StandingMinBpm = 10, StandingMaxBpm = 20;

    /// <summary>Cramp: heart rate +10–25 bpm above the sleeping baseline, reached with a 3–6 s time constant, so within 5–15 s (CRAMPS.md, from Azarbarzin 2014 and Bonnet &amp; Arand 1997, 1999; no study measured a cramp awakening itself).</summary>
    public const double CrampRiseMinBpm = 10, CrampRiseMaxBpm = 25, CrampRiseTauMin = 3, CrampRiseTauMax = 6;

    /// <summary>Cramp length, s: seconds to several minutes (Allen &amp; Kirby 2012: up to ≈10 min; most are shorter).</summary>
    public const double CrampMinSeconds = 20, CrampMaxSeconds = 240;

    /// <summary>Awake after the cramp before sleeping again, s (falling asleep again is delayed).</summary>
    public const double RecoveryMinSeconds = 180, RecoveryMaxSeconds = 600;

    /// <summary>During a cramp the leg is worked in 70–90% of seconds with 0.08–0.4 g; 40% of sleepers stand up.</summary>
    public const double CrampMovingMin = 0.7, CrampMovingMax = 0.9, CrampMoveMinG = 0.08, CrampMoveMaxG = 0.4, CrampStandShare = 0.4;

    /// <summary>InfiniTime's optical heart rate drops out (reads 0) during a cramp's movement in this share of cramps.</summary>
    public const double PpgDropoutShare = 0.3;

    /// <summary>Chest straps lose contact this many times a night on average, for 10–60 s.</summary>
    public const double ContactLossesPerNight = 1;

    /// <summary>A smartwatch's heart-rate readings: share of 5-s and 6-s intervals (the rest 1–10 s), the chance a reading starts a gap, and the gap's length range (s) — measured on the real nights.</summary>
    public const double WristIntervalFiveShare = 0.48, WristIntervalSixShare = 0.14, WristGapsPerReading = 0.0006, WristGapMinSeconds = 15, WristGapMaxSeconds = 900;

    /// <summary>Accelerometer white noise per axis, g: Polar H10 ≈3 mg, the PineTime's BMA421 ≈6 mg.</summary>
    public const double PolarNoiseG = 0.003, InfiniTimeNoiseG = 0.006;

    /// <summary>Breathing motion on a chest strap, g (a few mg at ≈0.25 Hz); on a wrist ≈1 mg.</summary>
    public const double ChestBreathingG = 0.005, WristBreathingG = 0.001;
}
