using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync.Recording;

/// <summary>
/// Writes what a <see cref="NightRecorder"/> produces: seconds in batches, each detected awakening as
/// a <see cref="CrampEvent"/> (seconds before it written first), and the night itself. Crash bound:
/// a second is on disk at most <c>batchSeconds</c> after it closed, and a second closes
/// <see cref="EpochAggregator.ReorderSeconds"/> after its samples, so a crash loses at most
/// <c>batchSeconds + 2</c> seconds (7 s live); with a <see cref="NightLegDatabase"/> each batch is
/// forced to the disk, so that bound holds for a power cut too.
/// <para>
/// When storing fails (disk full, I/O error) nothing is dropped: the seconds and events wait in
/// memory (up to <see cref="MaxWaitingSeconds"/> seconds, then the oldest go and are counted) and
/// every later flush tries again; a detected awakening is still announced at once.
/// <see cref="StorageFailed"/> and <see cref="StorageRecovered"/> say when that starts and ends.
/// </para>
/// Not thread-safe: use it on the recorder's thread.
/// </summary>
public sealed class NightPersister : IDisposable
{
    /// <summary>Seconds of data between saves of what the detector learned about the sleeper.</summary>
    public const int SleeperProfileSaveSeconds = 600;

    /// <summary>Seconds kept in memory while storing fails: a whole night and more (≈3 MB).</summary>
    public const int MaxWaitingSeconds = 16 * 3600;

    private readonly NightRecorder _recorder;
    private readonly INightRepository _nights;
    private readonly IEpochRepository _epochs;
    private readonly CrampJournal _journal;
    private readonly int _batchSeconds;
    private readonly ISleeperProfileRepository? _sleeper;
    private readonly NightLegDatabase? _disk;
    private readonly Queue<(NightId Night, SecondEpoch Epoch)> _pending = new();
    private readonly List<CrampEvent> _unsavedEvents = [];
    private readonly List<FollowUp> _unsavedFollowUps = [];
    private long _epochsAtProfileSave;
    private CrampEvent? _lastDetected;
    private int _sinceFlush;

    /// <summary>
    /// Subscribes to <paramref name="recorder"/>; flushes every <paramref name="batchSeconds"/> seconds of data;
    /// keeps what the detector learns about the sleeper in <paramref name="sleeper"/> (every ten minutes of data and at the end);
    /// forces each batch to the disk of <paramref name="disk"/> when given.
    /// </summary>
    public NightPersister(NightRecorder recorder, INightRepository nights, IEpochRepository epochs, CrampJournal journal, int batchSeconds,
        ISleeperProfileRepository? sleeper = null, NightLegDatabase? disk = null)
    {
        _recorder = recorder;
        _nights = nights;
        _epochs = epochs;
        _journal = journal;
        _sleeper = sleeper;
        _disk = disk;
        _batchSeconds = Math.Max(1, batchSeconds);
        recorder.EpochCompleted += OnEpoch;
        recorder.AwakeningDetected += OnAwakening;
        recorder.AsleepAgain += OnAsleepAgain;
        recorder.AwakeningFollowed += OnFollowed;
        recorder.DistressConfirmed += OnDistress;
    }

    /// <summary>Raised after a detected awakening was handled, with its event — stored, or waiting to be stored when storing fails.</summary>
    public event Action<CrampEvent>? EventRecorded;

    /// <summary>Raised when a detected awakening is plainly one in distress (a prompt with sound on sounds then), with its event and the instant.</summary>
    public event Action<CrampEvent, DateTimeOffset>? Distressed;

    /// <summary>Raised at each failed flush with the reason (the caller limits how often it logs).</summary>
    public event Action<StorageException>? StorageFailed;

    /// <summary>Raised when a flush succeeds after failures, with the seconds it wrote.</summary>
    public event Action<long>? StorageRecovered;

    /// <summary>Seconds written so far.</summary>
    public long EpochsWritten { get; private set; }

    /// <summary>Seconds waiting in memory to be written.</summary>
    public int EpochsWaiting => _pending.Count;

    /// <summary>Seconds dropped because storing failed for longer than <see cref="MaxWaitingSeconds"/>.</summary>
    public long EpochsDropped { get; private set; }

    /// <summary>True while the latest flush failed.</summary>
    public bool Failing { get; private set; }

    /// <summary>Writes pending seconds, events and the current night now; false (with <see cref="StorageFailed"/> raised) when storing failed.</summary>
    public bool Flush()
    {
        _sinceFlush = 0;
        var waited = _pending.Count;
        try
        {
            WritePending();
            foreach (var n in _recorder.Nights.TakeLast(2))
            {
                _nights.Save(n);
            }

            WriteUnsavedEvents();
            if (_sleeper is not null && EpochsWritten - _epochsAtProfileSave >= SleeperProfileSaveSeconds)
            {
                SaveSleeperProfile();
            }

            _disk?.FlushToDisk();
        }
        catch (StorageException e)
        {
            Failing = true;
            StorageFailed?.Invoke(e);
            return false;
        }

        if (Failing)
        {
            Failing = false;
            StorageRecovered?.Invoke(waited);
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _recorder.EpochCompleted -= OnEpoch;
        _recorder.AwakeningDetected -= OnAwakening;
        _recorder.AsleepAgain -= OnAsleepAgain;
        _recorder.AwakeningFollowed -= OnFollowed;
        _recorder.DistressConfirmed -= OnDistress;
        if (Flush() && EpochsWritten > _epochsAtProfileSave)
        {
            try
            {
                SaveSleeperProfile();
            }
            catch (StorageException e)
            {
                StorageFailed?.Invoke(e);
            }
        }
    }

    private void WritePending()
    {
        // Night by night, oldest first; a batch leaves the queue only once it is stored.
        while (_pending.Count > 0)
        {
            var night = _pending.Peek().Night;
            var batch = _pending.TakeWhile(p => p.Night == night).Select(p => p.Epoch).ToList();
            _epochs.Append(night, batch);
            for (var i = 0; i < batch.Count; i++)
            {
                _pending.Dequeue();
            }

            EpochsWritten += batch.Count;
        }
    }

    private void WriteUnsavedEvents()
    {
        foreach (var cramp in _unsavedEvents.ToList())
        {
            _journal.StoreDetection(cramp);
            _unsavedEvents.Remove(cramp);
        }

        foreach (var followUp in _unsavedFollowUps.ToList())
        {
            Store(followUp);
            _unsavedFollowUps.Remove(followUp);
        }
    }

    private void SaveSleeperProfile()
    {
        _sleeper?.Save(_recorder.SleeperProfile);
        _epochsAtProfileSave = EpochsWritten;
    }

    private void OnEpoch(SecondEpoch epoch)
    {
        if (_recorder.CurrentNight?.Id is not { } night)
        {
            return;
        }

        if (_pending.Count > 0 && _pending.Peek().Night != night && !Failing)
        {
            Flush();
        }

        if (_pending.Count >= MaxWaitingSeconds)
        {
            _pending.Dequeue();
            EpochsDropped++;
        }

        _pending.Enqueue((night, epoch));
        if (++_sinceFlush >= _batchSeconds)
        {
            Flush();
        }
    }

    private void OnAsleepAgain(NightId night, AwakeningDetected awakening, DateTimeOffset at) => Follow(new FollowUp(night, awakening, at, null));

    private void OnFollowed(NightId night, AwakeningDetected awakening, AwakeningCourse course) => Follow(new FollowUp(night, awakening, null, course));

    private void OnDistress(NightId night, AwakeningDetected awakening, DateTimeOffset at)
    {
        if (_lastDetected is { } cramp && cramp.Night == night && cramp.Detection == awakening)
        {
            Distressed?.Invoke(cramp, at);
        }
    }

    /// <summary>What followed a detection is stored on its event — after the event itself, so it waits while the event waits.</summary>
    private void Follow(FollowUp followUp)
    {
        if (_unsavedEvents.Count == 0 && _unsavedFollowUps.Count == 0 && !Failing)
        {
            try
            {
                Store(followUp);
                return;
            }
            catch (StorageException e)
            {
                StorageFailed?.Invoke(e);
            }
        }

        _unsavedFollowUps.Add(followUp);
    }

    private void Store(FollowUp followUp)
    {
        if (followUp.AsleepAgainAt is { } at)
        {
            _journal.RecordSleepReturn(followUp.Night, followUp.Awakening, at);
        }

        if (followUp.Course is { } course)
        {
            _journal.RecordCourse(followUp.Night, followUp.Awakening, course);
        }
    }

    private void OnAwakening(NightId night, AwakeningDetected awakening)
    {
        var detected = CrampEvent.FromDetection(Guid.NewGuid(), night, awakening);
        _lastDetected = detected;
        if (Flush() && _unsavedEvents.Count == 0)
        {
            try
            {
                _journal.StoreDetection(detected);
                EventRecorded?.Invoke(detected);
                return;
            }
            catch (StorageException e)
            {
                StorageFailed?.Invoke(e);
            }
        }

        // Storing fails: the prompt is shown all the same and works (the journal holds the event, and an answer
        // with it), and the event is stored — answered or not — when storing works again.
        _journal.Hold(detected);
        _unsavedEvents.Add(detected);
        EventRecorded?.Invoke(detected);
    }

    /// <summary>Something learned about a detection after it: the return to sleep, or its course.</summary>
    private sealed record FollowUp(NightId Night, AwakeningDetected Awakening, DateTimeOffset? AsleepAgainAt, AwakeningCourse? Course);
}
