using System.Text.Json;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Replay;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Evaluation;

/// <summary>
/// The 10 real nights with real movement of data/motion-nights (MMASH: healthy sleepers, no cramp),
/// read from their CSV files and replayed as a Polar H10 would have sent them: a regression of the motion
/// rules on real sleep fails here. Figures as in docs/benchmarks.md.
/// </summary>
public sealed class MotionNightsTests : IDisposable
{
    private static readonly Lazy<IReadOnlyList<MotionNight>> Nights = new(() =>
        MotionNight.LoadAll(MotionNight.FindDirectory(RepositoryRoot.Path)
                            ?? throw new DirectoryNotFoundException($"data/motion-nights not found above {RepositoryRoot.Path}")));

    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-motion-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ReplayResult Replay(MotionNightCapture capture) =>
        CaptureReplay.Run(capture.Notifications(), NightCalendar.ForZone(MotionNight.TimeZoneId), DetectorThresholds.Normal, r => r.WornOnChest = true);

    [Fact]
    public void Load_User2_TheNightAsTheActigraphyScoredIt()
    {
        var night = Nights.Value.Single(n => n.Id == "user_2");

        // sleep.csv: in bed 00:50, onset 00:54, out 06:22 on day 2 (local, UTC+1); 18 awakenings, WASO 84 min.
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T23:50:00Z"), night.InBed);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T23:54:00Z"), night.SleepOnset);
        Assert.Equal(DateTimeOffset.Parse("2026-11-21T05:22:00Z"), night.OutOfBed);
        Assert.Equal((18, 84.0), (night.Awakenings, night.WasoMinutes));
        Assert.Equal(night.InBed.AddHours(-1), night.Start);
        // The dataset misses seconds (a 6–10 s gap about every half minute, and long ones): about half of this night.
        Assert.InRange(night.Counts.Count(c => c is not null) / (double)night.Counts.Count, 0.45, 0.75);
    }

    [Fact]
    public void Replay_AllMotionNights_AtMostHalfAQuestionAndAFifthOfASoundPerNight()
    {
        // Act: every night as a first night, no cramps (these sleepers had none).
        var scores = Nights.Value.Select(n =>
        {
            var capture = new MotionNightCapture(n);
            return MotionNightScore.Of(n, capture.Cramps, Replay(capture).Awakenings);
        }).ToList();

        // Assert: the targets (measured: 0.50 asked, 0.10 would sound, 3.2 silent prompts a night — was 2.6, 6.9 and 7.1).
        Assert.Equal(10, scores.Count);
        Assert.True(scores.Sum(s => s.Asked) <= 5, $"{scores.Sum(s => s.Asked)} questions in 10 nights");
        Assert.True(scores.Sum(s => s.WouldSound) <= 2, $"{scores.Sum(s => s.WouldSound)} sounds in 10 nights");
        Assert.True(scores.Max(s => s.Prompts) <= 6, $"a night with {scores.Max(s => s.Prompts)} prompts");
    }

    [Fact]
    public async Task ReplayCommand_User17_FivePromptsNothingAskedNothingSounds()
    {
        // Arrange: user_17's night (20 awakenings by the actigraphy; the restless sleeper who had 9 prompts, 4 questions
        // and 8 sounds before) written as the capture a Polar H10 would have sent.
        var night = Nights.Value.Single(n => n.Id == "user_17");
        var capture = new MotionNightCapture(night);
        var path = Path.Combine(_dir, "user_17.capture");
        using (var writer = CaptureWriter.Create(path, CaptureHeader.Create(capture.DeviceName, MotionNight.TimeZoneId, [])))
        {
            foreach (var n in capture.Notifications())
            {
                writer.Write(n);
            }
        }

        // Act: what a user would run.
        var (code, stdout, stderr) = await CliRunner.RunAsync("replay", path, "--json");

        // Assert: between sleep onset and getting up, five silent prompts, none asked about, none would sound.
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var events = json.RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("detectedAt").GetDateTimeOffset() is var at && at >= night.SleepOnset && at <= night.OutOfBed)
            .ToList();
        Assert.Equal(5, events.Count);
        Assert.DoesNotContain(events, e => e.GetProperty("review").GetString() == "ask");
        Assert.All(events, e => Assert.Equal("silent", e.GetProperty("alert").GetString()));
    }

    [Fact]
    public void Replay_CrampsLaidOnMotionNights_FoundAndAsked()
    {
        // Arrange: to_capture.py's cramp (heart rate +12–28 bpm, the leg worked in 50–90 % of seconds for 2.5–8 min),
        // three a night on every night, one seed.
        var runs = Nights.Value.Select(n => new MotionNightCapture(n, cramps: 3, MotionCrampModel.Script, seed: 1)).ToList();

        // Act
        var scores = runs.Select((c, i) => MotionNightScore.Of(Nights.Value[i], c.Cramps, Replay(c).Awakenings)).ToList();

        // Assert: the benchmark's figure over four seeds is 0.86 asked (0.92 of those the data covers), latency median 24 s.
        var cramps = scores.Sum(s => s.Cramps);
        var asked = scores.Sum(s => s.CrampsAsked);
        Assert.True(asked >= 0.8 * cramps, $"{asked} of {cramps} cramps asked about");
        Assert.True(scores.SelectMany(s => s.LatenciesSeconds).Order().ElementAt(scores.Sum(s => s.CrampsFound) / 2) <= 30);
    }
}
