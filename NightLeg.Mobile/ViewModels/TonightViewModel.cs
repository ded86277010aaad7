using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Detection;
using NightLeg.Mobile.Services;
using NightLeg.Sync.Live;

namespace NightLeg.Mobile.ViewModels;

/// <summary>Tonight: the link, live heart rate and movement, asleep or awake; start and end the night. UI-neutral.</summary>
public sealed partial class TonightViewModel : ObservableObject, IDisposable
{
    private readonly ILiveNight _live;

    public TonightViewModel(ILiveNight live)
    {
        _live = live;
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
    public string? MovementUnavailable => Status.Movement?.Unavailable;

    public string HeartRateText => Status.HeartRateBpm is { } hr ? Math.Round(hr).ToString(System.Globalization.CultureInfo.InvariantCulture) : "–";

    public string BaselineText => Status.BaselineHeartRateBpm is { } b ? Math.Round(b).ToString(System.Globalization.CultureInfo.InvariantCulture) : "–";

    [RelayCommand]
    private Task StartNightAsync()
    {
        _live.StartNight();
        return Task.CompletedTask;
    }

    [RelayCommand]
    private Task StopNightAsync()
    {
        _live.StopNight();
        return Task.CompletedTask;
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
