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

    /// <summary>Awake lying in bed above the N2 level, bpm: heart rate falls ≈10–15% at sleep onset.</summary>
    public const double WakeOffsetMinBpm = 8, WakeOffsetMaxBpm = 14;

    /// <summary>Stage offsets from N2, bpm: N1 slightly higher, N3 lowest, REM higher and more variable.</summary>
    public const double N1OffsetBpm = 3, N3OffsetBpm = -2, RemOffsetBpm = 3;

    /// <summary>Fall of the sleeping heart rate over the night, bpm (circadian trough in the early morning).</summary>
    public const double NightlyDeclineBpm = 3;

    /// <summary>Heart rate follows its target with this time constant (s) outside sudden events.</summary>
    public const double HeartRateTauSeconds = 25;

    /// <summary>Slow heart-rate wander: AR(1) with this correlation time (s) and stationary SD (bpm).</summary>
    public const double WanderTauSeconds = 200, WanderSdBpm = 1.5;

    /// <summary>Respiratory sinus arrhythmia: RR modulated by ±4% at the breathing rate (≈0.25 Hz in sleep).</summary>
    public const double RsaFraction = 0.04, BreathingHz = 0.25;

    /// <summary>Beat-to-beat RR noise, ms (sleeping HRV, RMSSD ≈ 30–60 ms in fit adults).</summary>
    public const double RrNoiseMs = 15;

    /// <summary>Turn-overs and other body movements per hour by stage: ≈21/h in sleep overall (Sicbaldi 2025), few in REM atonia.</summary>
    public const double MovesPerHourN1 = 24, MovesPerHourN2 = 16, MovesPerHourN3 = 8, MovesPerHourRem = 8;

    /// <summary>A movement lasts 2–6 s with 0.1–0.5 g of dynamic acceleration and raises heart rate 2–6 bpm.</summary>
    public const double MoveMinSeconds = 2, MoveMaxSeconds = 6, MoveMinG = 0.1, MoveMaxG = 0.5, MoveBumpMinBpm = 2, MoveBumpMaxBpm = 6;

    /// <summary>Brief arousals per hour of NREM (arousal index ≈10/h in healthy adults; some unscored), with a +4–10 bpm rise for ≈15 s (Azarbarzin 2014).</summary>
    public const double ArousalsPerHour = 6, ArousalMinBpm = 4, ArousalMaxBpm = 10;

    /// <summary>Share of arousals with a movement of 1–4 s.</summary>
    public const double ArousalMoveShare = 0.4;

    /// <summary>REM heart-rate surges per minute of REM and their size (+3–10 bpm for 5–20 s).</summary>
    public const double RemSurgesPerMinute = 1, RemSurgeMinBpm = 3, RemSurgeMaxBpm = 10;

    /// <summary>Fidgets per hour while lying awake (≈90 movements/h awake, Sicbaldi 2025).</summary>
    public const double FidgetsPerHour = 90;

    /// <summary>Share of long (≥ 2 min) ordinary awakenings in which the sleeper gets up (bathroom).</summary>
    public const double GetUpShare = 0.5;

    /// <summary>Heart rate standing and walking above lying awake, bpm (Bonnet &amp; Arand 1999: standing &gt; sitting &gt; lying).</summary>
    public const double StandingMinBpm = 10, StandingMaxBpm = 20;

    /// <summary>Cramp: heart rate +12–28 bpm above the sleeping baseline, reached with a 3–6 s time constant (CRAMPS.md: +10–25 bpm within 5–15 s).</summary>
    public const double CrampRiseMinBpm = 12, CrampRiseMaxBpm = 28, CrampRiseTauMin = 3, CrampRiseTauMax = 6;

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

    /// <summary>Accelerometer white noise per axis, g: Polar H10 ≈3 mg, the PineTime's BMA421 ≈6 mg.</summary>
    public const double PolarNoiseG = 0.003, InfiniTimeNoiseG = 0.006;

    /// <summary>Breathing motion on a chest strap, g (a few mg at ≈0.25 Hz); on a wrist ≈1 mg.</summary>
    public const double ChestBreathingG = 0.005, WristBreathingG = 0.001;
}
