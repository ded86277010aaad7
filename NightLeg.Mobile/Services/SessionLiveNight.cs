using NightLeg.Domain.Cramps;
using NightLeg.Sync.Live;

namespace NightLeg.Mobile.Services;

/// <summary><see cref="ILiveNight"/> over the running <see cref="NightSession"/>.</summary>
public sealed class SessionLiveNight : ILiveNight
{
    private readonly NightSession _session;
    private readonly TimeProvider _time;

    public SessionLiveNight(NightSession session, TimeProvider time)
    {
        _session = session;
        _time = time;
        session.StatusChanged += s => StatusChanged?.Invoke(s);
        session.AwakeningRecorded += e => AwakeningRecorded?.Invoke(e);
        session.AwakeningDistressed += e => AwakeningDistressed?.Invoke(e);
    }

    public LiveStatus Status => _session.Status;

    public event Action<LiveStatus>? StatusChanged;

    public event Action<CrampEvent>? AwakeningRecorded;

    public event Action<CrampEvent>? AwakeningDistressed;

    public void StartNight() => _session.StartNight(_time.GetUtcNow());

    public Task StopNightAsync()
    {
        _session.StopNight(_time.GetUtcNow());
        return _session.FlushAsync();
    }
}
