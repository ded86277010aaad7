using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.ViewModels;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Mobile.ViewModels;

public sealed class CrampPromptViewModelTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");
    private readonly FakeLiveNight _live = new();
    private readonly InMemoryCrampEventRepository _events = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemorySettingsRepository _settings = new();
    private readonly CrampJournal _journal;
    private readonly CrampPromptViewModel _prompt;

    public CrampPromptViewModelTests()
    {
        _journal = new CrampJournal(_events, new InMemoryNightRepository(), Oslo, _time);
        _prompt = new CrampPromptViewModel(_live, _journal, _settings, _time);
    }

    [Fact]
    public void AwakeningRecorded_ByDefault_OpensThePromptSilently()
    {
        var sounds = 0;
        _prompt.SoundRequested += () => sounds++;

        _live.Detect(Detected());

        Assert.Equal(PromptStep.Question, _prompt.Step);
        Assert.Equal(PromptAlert.Silent, _prompt.Alert);
        Assert.Equal(0, sounds);
    }

    [Fact]
    public void AwakeningRecorded_SoundOn_OpensSilently_SoundsOnceWhenDistressIsPlain()
    {
        _settings.Save(UserSettings.Default with { PromptSound = true });
        var sounds = 0;
        _prompt.SoundRequested += () => sounds++;
        var cramp = Detected();

        _live.Detect(cramp);
        var atDetection = (_prompt.Alert, sounds);
        _live.Distress(cramp);
        _live.Distress(cramp);

        Assert.Equal((PromptAlert.Silent, 0), atDetection);
        Assert.Equal(PromptAlert.Sound, _prompt.Alert);
        Assert.Equal(1, sounds);
    }

    [Fact]
    public void Distress_SoundOff_StaysSilent()
    {
        var sounds = 0;
        _prompt.SoundRequested += () => sounds++;
        var cramp = Detected();

        _live.Detect(cramp);
        _live.Distress(cramp);

        Assert.Equal(PromptAlert.Silent, _prompt.Alert);
        Assert.Equal(0, sounds);
    }

    [Fact]
    public void Distress_AfterTheAnswer_StaysSilent()
    {
        // Answered already: the user is looking at the guidance; a sound now would only startle.
        _settings.Save(UserSettings.Default with { PromptSound = true });
        var cramp = Detected();
        _live.Detect(cramp);
        _prompt.AnswerCommand.Execute(NightAnswer.Cramp);

        _live.Distress(cramp);

        Assert.Equal(PromptAlert.Silent, _prompt.Alert);
    }

    [Fact]
    public void AwakeningRecorded_SoundOnButHeartRateOnly_StaysSilent()
    {
        _settings.Save(UserSettings.Default with { PromptSound = true });
        var sounds = 0;
        _prompt.SoundRequested += () => sounds++;
        var onset = _time.GetUtcNow().AddSeconds(-50);

        _live.Detect(_journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(48), 52, 75, 0, null, 0.6, DetectionEvidence.HeartRateOnly)));

        Assert.Equal(PromptStep.Question, _prompt.Step);
        Assert.Equal(PromptAlert.Silent, _prompt.Alert);
        Assert.Equal(0, sounds);
    }

    [Fact]
    public async Task AnswerCramp_WalksTheGuidanceThenSavesTheQuickLog()
    {
        // Arrange
        var cramp = Detected();
        _live.Detect(cramp);

        // Act
        _prompt.AnswerCommand.Execute(NightAnswer.Cramp);
        var first = _prompt.CurrentGuidance;
        _prompt.NextStepCommand.Execute(null);
        var second = _prompt.CurrentGuidance;
        while (_prompt.Step == PromptStep.Guidance)
        {
            _prompt.NextStepCommand.Execute(null);
        }

        _prompt.Leg = Leg.Left;
        _prompt.Intensity = 7;
        _prompt.SaveQuickLogCommand.Execute(null);

        // Assert
        Assert.Same(ReliefGuidance.Stretch, first);
        Assert.Same(ReliefGuidance.Shin, second);
        Assert.Equal(PromptStep.Done, _prompt.Step);
        var stored = _events.Get(cramp.Id)!;
        Assert.Equal(NightAnswer.Cramp, stored.Answer);
        Assert.Equal((Leg.Left, 7), (stored.Details.Leg, stored.Details.Intensity));
    }

    [Theory]
    [InlineData(NightAnswer.NotACramp)]
    [InlineData(NightAnswer.Later)]
    public async Task AnswerOther_ClosesAndRecordsTheAnswer(NightAnswer answer)
    {
        var cramp = Detected();
        _live.Detect(cramp);

        _prompt.AnswerCommand.Execute(answer);

        Assert.Equal(PromptStep.Hidden, _prompt.Step);
        Assert.Equal(answer, _events.Get(cramp.Id)!.Answer);
    }

    [Fact]
    public async Task StartTimer_CountsDownTheStretchOnTheInjectedClock()
    {
        _live.Detect(Detected());
        _prompt.AnswerCommand.Execute(NightAnswer.Cramp);

        var running = _prompt.StartTimerCommand.ExecuteAsync(null);
        for (var i = 0; i < 10; i++)
        {
            await AdvanceOneSecondAsync();
        }

        Assert.Equal(20, _prompt.SecondsLeft);
        while (_prompt.SecondsLeft > 0)
        {
            await AdvanceOneSecondAsync();
        }

        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, _prompt.SecondsLeft);
    }

    /// <summary>Advances the injected clock one second and waits until the timer has counted it (explicit completion, not a real-time pause).</summary>
    private async Task AdvanceOneSecondAsync()
    {
        var counted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, System.ComponentModel.PropertyChangedEventArgs e)
        {
            if (e.PropertyName == nameof(CrampPromptViewModel.SecondsLeft))
            {
                counted.TrySetResult();
            }
        }

        _prompt.PropertyChanged += OnChanged;
        _time.Advance(TimeSpan.FromSeconds(1));
        await counted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        _prompt.PropertyChanged -= OnChanged;
    }

    private CrampEvent Detected()
    {
        var onset = _time.GetUtcNow().AddSeconds(-12);
        return _journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(11), 52, 72, 9, 70, 0.8, DetectionEvidence.HeartRateAndMotion));
    }
}
