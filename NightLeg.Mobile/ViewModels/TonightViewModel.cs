using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.Services;
using NightLeg.Sync.Live;

namespace NightLeg.Mobile.ViewModels;

/// <summary>Tonight: the link, live heart rate and movement, asleep or awake; start and end the night. UI-neutral.</summary>
public sealed partial class TonightViewModel : ObservableObject, IDisposable
{
    private readonly ILiveNight _live;
    private readonly HistoryService? _history;
    private readonly INightRepository? _nights;

    private readonly TimeProvider _time;

    public TonightViewModel(ILiveNight live, TimeProvider time, HistoryService? history = null, INightRepository? nights = null,
        NightLeg.Sync.RecordingSettings? sync = null, IDeviceRepository? devices = null)
    {
        DemoSpeed = sync?.Demo.Speed > 1 && devices?.GetPaired()?.IsDemo == true ? sync.Demo.Speed : null;
        _time = time;
        _live = live;
        _history = history;
        _nights = nights;
        Status = live.Status;
        live.StatusChanged += OnStatus;
    }

    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(HasDevice))]
    [NotifyPropertyChangedFor(nameof(IsMoving))]
    [NotifyPropertyChangedFor(nameof(HeartRateText))]
    [NotifyPropertyChangedFor(nameof(BaselineText))]
    [NotifyPropertyChangedFor(nameof(BatteryLow))]
    [NotifyPropertyChangedFor(nameof(MovementUnavailable))]
    public partial LiveStatus Status { get; set; }

    public bool HasDevice => Status.Connection != ConnectionState.NoDevice;

    public bool IsMoving => Status.MovementG >= DetectorConstants.ActiveMovementG;

    /// <summary>Below this battery (percent) the evening's page says to charge before sleeping: a night of streaming takes 10–30 % of a strap's or watch's charge.</summary>
    public const int LowBatteryPercent = 20;

    /// <summary>True when the wearable's battery is under <see cref="LowBatteryPercent"/>.</summary>
    public bool BatteryLow => Status.BatteryPercent < LowBatteryPercent;

    /// <summary>Why movement is not recorded tonight although the wearable could measure it; null when it is.</summary>
    public NightLeg.Sync.Devices.MovementProblem? MovementUnavailable => Status.Movement?.Unavailable;

    public string HeartRateText => Status.HeartRateBpm is { } hr ? Math.Round(hr).ToString(System.Globalization.CultureInfo.InvariantCulture) : "–";

    public string BaselineText => Status.BaselineHeartRateBpm is { } b ? Math.Round(b).ToString(System.Globalization.CultureInfo.InvariantCulture) : "–";

    /// <summary>How many times faster than real time the demo wearable's night plays, when it is the one paired and faster (its times then run ahead of the clock); null otherwise.</summary>
    public double? DemoSpeed { get; }

    /// <summary>The night just ended here, summed up (until the next is started); null otherwise.</summary>
    [ObservableProperty]
    public partial NightSummary? Ended { get; private set; }

    [RelayCommand]
    private void StartNight()
    {
        Ended = null;
        _live.StartNight();
    }

    /// <summary>Ends the night and, once it is stored, sums it up.</summary>
    [RelayCommand]
    private async Task StopNightAsync()
    {
        await _live.StopNightAsync();
        if (_history is not null && _nights is not null &&
            DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime) is var today &&
            _nights.List(today.AddDays(-2), today.AddDays(1)).MaxBy(n => n.RecordingEnd) is { } latest)
        {
            Ended = _history.Get(latest.Id);
        }
    }

    public void Dispose() => _live.StatusChanged -= OnStatus;

    private void OnStatus(LiveStatus status)
    {
        // Heart rate is whole bpm on screen: skip updates nobody could see.
        var old = Status;
        if (old.Connection == status.Connection && old.Sleep == status.Sleep && Math.Round(old.HeartRateBpm ?? 0) == Math.Round(status.HeartRateBpm ?? 0) &&
            (old.MovementG >= DetectorConstants.ActiveMovementG) == (status.MovementG >= DetectorConstants.ActiveMovementG) &&
            old.NightStartedByUser == status.NightStartedByUser && old.BatteryPercent == status.BatteryPercent && old.Movement == status.Movement &&
            old.Storage?.DiskFull == status.Storage?.DiskFull && (old.Storage is null) == (status.Storage is null))
        {
            return;
        }

        Status = status;
    }
}
