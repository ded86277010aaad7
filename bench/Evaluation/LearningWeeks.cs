using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Evaluation;

/// <summary>
/// Two weeks of one synthetic sleeper (the same seed: the same heart, surges and movement; a different
/// real hypnogram each night), replayed night after night as NightLeg lives them: each night starts
/// from what the nights and answers before it taught. In the first week the sleeper has no cramp and
/// dismisses every event the morning asks about; the second week measures the questions that are
/// left and whether cramps laid on it are still found and asked about.
/// </summary>
public static class LearningWeeks
{
    /// <summary>What two weeks came to. Immutable.</summary>
    /// <param name="FirstWeekQuestions">Events asked about in week one (all dismissed).</param>
    /// <param name="SecondWeekQuestions">Events asked about in week two (no cramps), after the first week's answers.</param>
    /// <param name="SecondWeekQuestionsUntaught">The same second week without the first week's answers (the heart-rate profile learned all the same).</param>
    /// <param name="Cramps">Cramps laid on a third run of week two.</param>
    /// <param name="CrampsFound">Of those, found.</param>
    /// <param name="CrampsAsked">Of those, found and asked about.</param>
    /// <param name="Learning">What the answers had taught by the end of week one.</param>
    public sealed record Result(int FirstWeekQuestions, int SecondWeekQuestions, int SecondWeekQuestionsUntaught, int Cramps, int CrampsFound, int CrampsAsked, SleeperLearning Learning);

    /// <summary>Runs the two weeks for the sleeper of <paramref name="seed"/> wearing <paramref name="device"/>.</summary>
    public static Result Run(int seed, string device = "polar-h10", int crampsPerNight = 1)
    {
        var wearable = DeviceFamilies.Default.Simulate(device);
        var ids = HypnogramLibrary.Ids;
        SimulationOptions Night(int n, int cramps) => new(seed, wearable, cramps, HypnogramLibrary.Get(ids[(seed + n) % ids.Count]),
            new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero).AddDays(n), SimulationOptions.DefaultTimeZone);

        // Week one: every question dismissed.
        SleeperProfile? profile = null;
        var learning = SleeperLearning.Nothing;
        var firstWeek = 0;
        for (var n = 0; n < 7; n++)
        {
            var result = Replay(Night(n, 0), profile, learning);
            profile = result.Sleeper;
            foreach (var asked in result.Awakenings.Where(a => a.Review == ReviewKind.Ask))
            {
                firstWeek++;
                learning = learning.Learn(Dismissed(asked));
            }
        }

        int Questions(SleeperLearning taught)
        {
            var p = profile;
            var count = 0;
            for (var n = 7; n < 14; n++)
            {
                var result = Replay(Night(n, 0), p, taught);
                p = result.Sleeper;
                count += result.Awakenings.Count(a => a.Review == ReviewKind.Ask);
            }

            return count;
        }

        var cramps = 0;
        var found = 0;
        var crampsAsked = 0;
        var withCramps = profile;
        for (var n = 7; n < 14; n++)
        {
            var simulator = new NightSimulator(Night(n, crampsPerNight));
            var result = CaptureReplay.Run(simulator.Notifications(), NightCalendar.ForZone(SimulationOptions.DefaultTimeZone), DetectorThresholds.Normal,
                recorder => recorder.WornOnChest = !wearable.Wrist, sleeper: withCramps, learning: learning);
            withCramps = result.Sleeper;
            foreach (var cramp in simulator.Truth.CrampAwakenings)
            {
                cramps++;
                var hit = result.Awakenings.FirstOrDefault(a => a.Awakening.DetectedAt >= cramp.Onset - DetectionScorer.Before && a.Awakening.DetectedAt <= cramp.End + DetectionScorer.After);
                found += hit is null ? 0 : 1;

                crampsAsked += hit?.Review == ReviewKind.Ask ? 1 : 0;
            }
        }

        return new Result(firstWeek, Questions(learning), Questions(SleeperLearning.Nothing), cramps, found, crampsAsked, learning);
    }

    private static ReplayResult Replay(SimulationOptions options, SleeperProfile? profile, SleeperLearning learning) =>
        CaptureReplay.Run(new NightSimulator(options).Notifications(), NightCalendar.ForZone(options.TimeZoneId), DetectorThresholds.Normal,
            recorder => recorder.WornOnChest = !options.Device.Wrist, sleeper: profile, learning: learning);

    private static CrampEvent Dismissed(ReplayedAwakening asked) =>
        (CrampEvent.FromDetection(Guid.Empty, asked.Night, asked.Awakening) with { Course = asked.Course }).Dismissed(DismissReason.Other, null);
}
