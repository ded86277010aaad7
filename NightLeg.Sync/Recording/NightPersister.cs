using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Recording;

/// <summary>
/// Writes what a <see cref="NightRecorder"/> produces: seconds in batches, each detected awakening as
/// a <see cref="CrampEvent"/> (seconds before it written first), and the night itself. Crash bound:
/// a second is on disk at most <c>batchSeconds</c> after it closed, and a second closes
/// <see cref="EpochAggregator.ReorderSeconds"/> after its samples, so a crash loses at most
/// <c>batchSeconds + 2</c> seconds (7 s live). Not thread-safe: use it on the recorder's thread.
/// </summary>
public sealed class NightPersister : IDisposable
{
    private readonly NightRecorder _recorder;
    private readonly INightRepository _nights;
    private readonly IEpochRepository _epochs;
    private readonly CrampJournal _journal;
    private readonly int _batchSeconds;
    private readonly ISleeperProfileRepository? _sleeper;
    private readonly List<SecondEpoch> _pending = [];
    private NightId? _pendingNight;
    private long _epochsAtProfileSave;

    /// <summary>Seconds of data between saves of what the detector learned about the sleeper.</summary>
    public const int SleeperProfileSaveSeconds = 600;

    /// <summary>
    /// Subscribes to <paramref name="recorder"/>; flushes every <paramref name="batchSeconds"/> seconds of data;
    /// keeps what the detector learns about the sleeper in <paramref name="sleeper"/> (every ten minutes of data and at the end).
    /// </summary>
    public NightPersister(NightRecorder recorder, INightRepository nights, IEpochRepository epochs, CrampJournal journal, int batchSeconds,
        ISleeperProfileRepository? sleeper = null)
    {
        _recorder = recorder;
        _nights = nights;
        _epochs = epochs;
        _journal = journal;
        _sleeper = sleeper;
        _batchSeconds = Math.Max(1, batchSeconds);
        recorder.EpochCompleted += OnEpoch;
        recorder.AwakeningDetected += OnAwakening;
        recorder.AsleepAgain += OnAsleepAgain;
    }

    /// <summary>Raised after a detected awakening has been stored, with the stored event.</summary>
    public event Action<CrampEvent>? EventRecorded;

    /// <summary>Seconds written so far.</summary>
    public long EpochsWritten { get; private set; }

    /// <summary>Writes pending seconds and the current night now.</summary>
    public void Flush()
    {
        if (_pending.Count > 0 && _pendingNight is { } night)
        {
            _epochs.Append(night, _pending);
            EpochsWritten += _pending.Count;
            _pending.Clear();
        }

        foreach (var n in _recorder.Nights.TakeLast(2))
        {
            _nights.Save(n);
        }

        if (_sleeper is not null && EpochsWritten - _epochsAtProfileSave >= SleeperProfileSaveSeconds)
        {
            SaveSleeperProfile();
        }
    }

    private void SaveSleeperProfile()
    {
        _sleeper?.Save(_recorder.SleeperProfile);
        _epochsAtProfileSave = EpochsWritten;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _recorder.EpochCompleted -= OnEpoch;
        _recorder.AwakeningDetected -= OnAwakening;
        _recorder.AsleepAgain -= OnAsleepAgain;
        Flush();
        if (EpochsWritten > _epochsAtProfileSave)
        {
            SaveSleeperProfile();
        }
    }

    private void OnEpoch(SecondEpoch epoch)
    {
        var night = _recorder.CurrentNight?.Id;
        if (night != _pendingNight && _pending.Count > 0)
        {
            Flush();
        }

        _pendingNight = night;
        _pending.Add(epoch);
        if (_pending.Count >= _batchSeconds)
        {
            Flush();
        }
    }

    private void OnAsleepAgain(NightId night, AwakeningDetected awakening, DateTimeOffset at) => _journal.RecordSleepReturn(night, awakening, at);

    private void OnAwakening(NightId night, AwakeningDetected awakening)
    {
        Flush();
        var recorded = _journal.RecordDetection(night, awakening);
        EventRecorded?.Invoke(recorded);
    }
}
