using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.Services;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// The cramp prompt: opens by itself (silently) when an awakening is stored, takes the answer, walks
/// through the relief guidance with timers, and saves a quick log. It asks for sound and vibration
/// only when the user switched them on and the awakening has become plainly one in distress
/// (<see cref="AlertPolicy"/>). UI-neutral; one per open page.
/// </summary>
public sealed partial class CrampPromptViewModel : ObservableObject, IDisposable
{
    private readonly ILiveNight _live;
    private readonly CrampJournal _journal;
    private readonly ISettingsRepository _settings;
    private readonly TimeProvider _time;
    private CancellationTokenSource? _timer;

    public CrampPromptViewModel(ILiveNight live, CrampJournal journal, ISettingsRepository settings, TimeProvider time)
    {
        _live = live;
        _journal = journal;
        _settings = settings;
        _time = time;
        live.AwakeningRecorded += OnAwakening;
        live.AwakeningDistressed += OnDistress;
    }

    /// <summary>Raised when a prompt opens that should sound and vibrate (never by default).</summary>
    public event Action? SoundRequested;

    /// <summary>What the open prompt does besides showing: silent unless sound is on and the awakening is plainly one in distress.</summary>
    [ObservableProperty]
    public partial PromptAlert Alert { get; set; }

    [ObservableProperty]
    public partial PromptStep Step { get; set; }

    [ObservableProperty]
    public partial CrampEvent? Current { get; set; }

    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(CurrentGuidance))]
    [NotifyPropertyChangedFor(nameof(IsLastGuidance))]
    public partial int GuidanceIndex { get; set; }

    [ObservableProperty]
    public partial int? SecondsLeft { get; set; }

    [ObservableProperty]
    public partial Leg? Leg { get; set; }

    [ObservableProperty]
    public partial int? Intensity { get; set; }

    [ObservableProperty]
    public partial IReadOnlyList<ValidationError>? Error { get; set; }

    public GuidanceStep CurrentGuidance => ReliefGuidance.Steps[Math.Clamp(GuidanceIndex, 0, ReliefGuidance.Steps.Count - 1)];

    public bool IsLastGuidance => GuidanceIndex >= ReliefGuidance.Steps.Count - 1;

    /// <summary>Opens the prompt for an event (also used when the app is opened on a pending one).</summary>
    public void Open(CrampEvent cramp)
    {
        Current = cramp;
        GuidanceIndex = 0;
        Leg = null;
        Intensity = null;
        Error = null;
        SecondsLeft = null;
        Step = PromptStep.Question;
        Alert = AlertPolicy.For(cramp.Course, _settings.Get().PromptSound);
        if (Alert == PromptAlert.Sound)
        {
            SoundRequested?.Invoke();
        }
    }

    /// <summary>The open prompt's awakening is plainly one in distress: it sounds now, if the user switched sound on and has not answered.</summary>
    private void OnDistress(CrampEvent cramp)
    {
        if (Current?.Id != cramp.Id || Step != PromptStep.Question || Alert == PromptAlert.Sound)
        {
            return;
        }

        Alert = AlertPolicy.For(cramp.Course ?? new AwakeningCourse(null, null, _time.GetUtcNow()), _settings.Get().PromptSound);
        if (Alert != PromptAlert.Sound)
        {
            return;
        }

        SoundRequested?.Invoke();
    }

    [RelayCommand]
    private void Answer(NightAnswer answer)
    {
        if (Current is null)
        {
            return;
        }

        var outcome = _journal.AnswerTonight(Current.Id, answer);
        if (!outcome.Succeeded)
        {
            Error = outcome.Errors;
            return;
        }

        Current = outcome.Value;
        Step = answer == NightAnswer.Cramp ? PromptStep.Guidance : PromptStep.Hidden;
    }

    [RelayCommand]
    private void NextStep()
    {
        StopTimer();
        if (IsLastGuidance)
        {
            Step = PromptStep.QuickLog;
            return;
        }

        GuidanceIndex++;
    }

    [RelayCommand]
    private void SkipToLog()
    {
        StopTimer();
        Step = PromptStep.QuickLog;
    }

    [RelayCommand]
    private async Task StartTimerAsync()
    {
        StopTimer();
        if (CurrentGuidance.Timer is not { } duration)
        {
            return;
        }

        var cts = _timer = new CancellationTokenSource();
        SecondsLeft = (int)duration.TotalSeconds;
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (SecondsLeft > 0 && await ticks.WaitForNextTickAsync(cts.Token))
            {
                SecondsLeft--;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [RelayCommand]
    private void SaveQuickLog()
    {
        if (Current is null)
        {
            return;
        }

        var outcome = _journal.AnswerTonight(Current.Id, NightAnswer.Cramp, new CrampReport(Leg: Leg, Intensity: Intensity));
        if (!outcome.Succeeded)
        {
            Error = outcome.Errors;
            return;
        }

        Current = outcome.Value;
        Error = null;
        Step = PromptStep.Done;
    }

    [RelayCommand]
    private void Close()
    {
        StopTimer();
        Step = PromptStep.Hidden;
    }

    public void Dispose()
    {
        _live.AwakeningRecorded -= OnAwakening;
        _live.AwakeningDistressed -= OnDistress;
        StopTimer();
    }

    private void StopTimer()
    {
        _timer?.Cancel();
        _timer = null;
        SecondsLeft = null;
    }

    private void OnAwakening(CrampEvent cramp) => Open(cramp);
}
