using System.Text.Json;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Replay;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Evaluation;

/// <summary>
/// The 16 real nights of data/real-nights (from ../shared; wrist heart rate with sleep-lab stages), replayed
/// through the same path as a live night: a regression in detection on real sleep fails here.
/// </summary>
public sealed class RealNightsTests
{
    private static readonly Lazy<IReadOnlyList<RealNight>> Nights = new(() =>
        RealNight.LoadAll(RealNight.FindDirectory(RepositoryRoot.Path)
                          ?? throw new DirectoryNotFoundException($"data/real-nights not found above {RepositoryRoot.Path}")));

    [Fact]
    public void Replay_AllRealNights_AtMostOneFalsePromptAndOneQuestionPerNight()
    {
        // Arrange
        var nights = Nights.Value;
        var scores = new List<NightScore>();

        // Act
        foreach (var night in nights)
        {
            using var reader = CaptureReader.Open(night.CapturePath);
            var result = CaptureReplay.Run(reader.ReadAll(), NightCalendar.ForZone(reader.Header.TimeZone!), Sensitivity.Normal);
            scores.Add(DetectionScorer.Score(night.Truth, result.Awakenings.Select(a => new ScoredDetection(a.Awakening.DetectedAt, a.Review)).ToList()));
        }

        // Assert
        Assert.Equal(16, nights.Count);
        var falsePerNight = scores.Sum(s => s.FalsePrompts) / (double)nights.Count;
        var askPerNight = scores.Sum(s => s.EventsToAsk) / (double)nights.Count;
        Assert.True(falsePerNight <= 1.0, $"{falsePerNight:0.00} false prompts per night");
        Assert.True(askPerNight <= 1.0, $"{askPerNight:0.00} events to ask per night");
    }

    [Fact]
    public async Task ReplayCommand_RealNight_EveryEventSaysItsAlertAndReview()
    {
        // Arrange: the night with the most real awakenings.
        var night = Nights.Value.Single(n => n.Truth.Id == "1066528");

        // Act
        var (code, stdout, stderr) = await CliRunner.RunAsync("replay", night.CapturePath, "--json");

        // Assert
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            // A wrist heart rate has no motion: nothing it detects may ever sound.
            Assert.Equal("silent", e.GetProperty("alert").GetString());
            Assert.Contains(e.GetProperty("review").GetString(), new[] { "ask", "brief", "ordinary" });
        });
        Assert.Equal(0, json.RootElement.GetProperty("samples").GetProperty("motion").GetInt64());
    }

    [Fact]
    public void ReadLabTruth_RealNight_StagesSleepOnsetAndWakeBouts()
    {
        var truth = Nights.Value.Single(n => n.Truth.Id == "1066528").Truth;

        Assert.Equal(DateTimeOffset.Parse("2026-11-20T22:25:00Z"), truth.SleepOnset);
        Assert.Equal(24, truth.WakeBouts.Count);
        // Epoch 230 is the first REM epoch: "4" in the file (the README's code is 5; both read as REM).
        Assert.Equal(NightLeg.Sync.Simulation.SleepStage.N2, truth.StageAt(DateTimeOffset.Parse("2026-11-20T23:54:50Z")));
        Assert.Equal(NightLeg.Sync.Simulation.SleepStage.Rem, truth.StageAt(DateTimeOffset.Parse("2026-11-20T23:55:10Z")));
        Assert.InRange(truth.TimeAsleep.TotalHours, 5.5, 7);
    }
}
