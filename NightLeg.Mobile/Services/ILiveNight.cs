using NightLeg.Domain.Cramps;
using NightLeg.Sync.Live;

namespace NightLeg.Mobile.Services;

/// <summary>The night being recorded, as the app sees it (a fake in view-model tests).</summary>
public interface ILiveNight
{
    /// <summary>The latest status.</summary>
    LiveStatus Status { get; }

    /// <summary>Raised when the status changes (any thread).</summary>
    event Action<LiveStatus>? StatusChanged;

    /// <summary>Raised the moment an awakening is detected (any thread): stored, or held while storing fails — its prompt works either way.</summary>
    event Action<CrampEvent>? AwakeningRecorded;

    /// <summary>Raised when a detected awakening is plainly one in distress (any thread): a prompt with sound switched on sounds then.</summary>
    event Action<CrampEvent>? AwakeningDistressed;

    /// <summary>The user starts the night.</summary>
    void StartNight();

    /// <summary>The user ends the night; completes once the ended night is stored.</summary>
    Task StopNightAsync();
}
