using static NightLeg.Sync.Simulation.PhysiologyModel;

namespace NightLeg.Sync.Simulation;

/// <summary>The night plan, part two: what happens while awake (cramps, getting up, lying awake).</summary>
internal sealed partial class NightPlan
{
    /// <summary>Lays one stretch awake; returns the second after it.</summary>
    private int LayWakeBout(BoutPlan bout, CrampPlan? cramp, ref Vec posture)
    {
        var s = bout.Start;
        if (cramp is { } c)
        {
            // Woken by pain: sits up at once and works the leg; maybe stands; then lies down awake.
            var sit = _wrist ? Vec.RandomUnit(_random) : SittingUp;
            Move(s, 2, Uniform(_random, 0.3, 0.6), posture, sit);
            var moving = Uniform(_random, CrampMovingMin, CrampMovingMax);
            var standFrom = c.StandSeconds > 0 ? s + 2 + _random.Next(3, 10) : int.MaxValue;
            for (var t = s; t < s + c.Length; t++)
            {
                HeartRateOverride[t] = (float)c.RiseBpm + (t >= standFrom && t < standFrom + c.StandSeconds ? 5f : 0f);
                HeartRateTau[t] = (float)c.RiseTau;
                HeartRateDropout[t] = c.Dropout && t >= s + 5 && t < s + 5 + Math.Min(90, c.Length);
                if (t >= s + 2)
                {
                    var standing = t >= standFrom && t < standFrom + c.StandSeconds;
                    Posture[t] = standing ? (_wrist ? new Vec(0.1, -0.99, 0.05).Normalized() : Upright) : sit;
                    Walking[t] = standing && _random.NextDouble() < 0.3;
                    Dynamic[t] = _random.NextDouble() < moving ? (float)Uniform(_random, CrampMoveMinG, CrampMoveMaxG) : 0.01f;
                }
            }

            var lying = NewLyingPosture(sit);
            Move(s + c.Length, 3, 0.3, Posture[s + c.Length - 1], lying);
            posture = lying;
            for (var t = s + c.Length; t < bout.End; t++)
            {
                // Heart rate eases back from the cramp towards lying-awake level (τ 90 s).
                var eased = WakeOffsetBpm + ((c.RiseBpm - WakeOffsetBpm) * Math.Exp(-(t - s - c.Length) / 90.0));
                HeartRateOverride[t] = (float)Math.Max(WakeOffsetBpm, eased);
                HeartRateTau[t] = 20;
            }

            Fidgets(s + c.Length + 3, bout.End, ref posture);
            return bout.End;
        }

        var length = bout.End - bout.Start;
        if (bout.Kind == "wake")
        {
            LayWakeSurge(bout);
        }

        var getsUp = bout.Kind == "final" ? length >= 240 : bout.Kind == "wake" && length >= 120 && _random.NextDouble() < GetUpShare;
        for (var t = s; t < bout.End; t++)
        {
            HeartRateTau[t] = 30; // the level awake is reached slowly; the quick part of waking is the surge
        }

        if (!getsUp)
        {
            Fidgets(s, bout.End, ref posture);
            return bout.End;
        }

        // Gets up (bathroom, or up for the day): lies awake a little, sits up, stands, walks, comes back.
        var lieFirst = bout.Kind == "final" ? _random.Next(60, Math.Max(61, Math.Min(300, length - 120))) : _random.Next(5, 20);
        Fidgets(s, s + lieFirst, ref posture);
        var sitAt = s + lieFirst;
        var sitting = _wrist ? Vec.RandomUnit(_random) : SittingUp;
        Move(sitAt, 3, 0.4, Posture[Math.Max(s, sitAt - 1)], sitting);
        var upUntil = bout.Kind == "final" ? bout.End : Math.Max(sitAt + 10, bout.End - 20);
        var standingExtra = Uniform(_random, StandingMinBpm, StandingMaxBpm);
        for (var t = sitAt + 3; t < upUntil; t++)
        {
            Posture[t] = _wrist ? new Vec(0.1, -0.99, 0.05).Normalized() : Upright;
            Walking[t] = true;
            Dynamic[t] = 0.05f;
            HeartRateExtra[t] += (float)standingExtra;
        }

        if (upUntil < bout.End)
        {
            var lying = NewLyingPosture(sitting);
            Move(upUntil, 4, 0.4, Posture[upUntil - 1], lying);
            posture = lying;
            Fidgets(upUntil + 4, bout.End, ref posture);
        }

        return bout.End;
    }

    /// <summary>Lying awake: bouts of movement at the awake rate (<see cref="PhysiologyModel.MoveBoutsPerHourAwake"/>).</summary>
    private void Fidgets(int from, int to, ref Vec posture)
    {
        for (var t = from; t < to; t++)
        {
            Posture[t] = posture;
            if (_random.NextDouble() < MoveBoutsPerHourAwake / 3600)
            {
                t = MoveBout(t, to, ref posture) - 1;
            }
        }
    }
}
