using NightLeg.Domain.Cramps;
using NightLeg.Mobile.Services;
using NightLeg.Sync.Live;

namespace NightLeg.Tests.Fakes;

public sealed class FakeLiveNight : ILiveNight
{
    public LiveStatus Status { get; private set; } = LiveStatus.Initial;

    public int Starts { get; private set; }

    public int Stops { get; private set; }

    public event Action<LiveStatus>? StatusChanged;

    public event Action<CrampEvent>? AwakeningRecorded;

    public event Action<CrampEvent>? AwakeningDistressed;

    public void Distress(CrampEvent cramp) => AwakeningDistressed?.Invoke(cramp);

    public void Publish(LiveStatus status)
    {
        Status = status;
        StatusChanged?.Invoke(status);
    }

    public void Detect(CrampEvent cramp) => AwakeningRecorded?.Invoke(cramp);

    public void StartNight() => Starts++;

    public Task StopNightAsync()
    {
        Stops++;
        return Task.CompletedTask;
    }
}
