namespace NightLeg.Evaluation;

/// <summary>Which synthetic cramp is laid on a real motion night.</summary>
public enum MotionCrampModel
{
    /// <summary>
    /// Ours (<see cref="NightLeg.Sync.Simulation.PhysiologyModel"/>): heart rate +10–25 bpm within 5–15 s, the leg worked
    /// in 70–90 % of the cramp's 20–240 s (0.08–0.4 g), four in ten stand up, then 3–10 minutes awake
    /// lying with the heart easing back and the fidgeting of someone awake.
    /// </summary>
    Ours,

    /// <summary>
    /// The one data/motion-nights/to_capture.py lays on (CRAMPS=N): heart rate +12–28 bpm reached in
    /// 5–20 s, held for 150–480 s, easing with τ 60–180 s; from the onset each second active with
    /// probability 0.5–0.9 at 10–80 counts per axis.
    /// </summary>
    Script,
}
