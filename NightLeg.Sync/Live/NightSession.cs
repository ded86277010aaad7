using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Pipeline;
using NightLeg.Sync.Recording;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync.Live;

/// <summary>
/// The night being recorded: notifications from any thread are queued and handled on one consumer
/// loop (decoders → recorder → detector → store), so the recorder's single-thread contract holds.
/// Publishes a <see cref="LiveStatus"/> snapshot and each stored awakening. Thread-safe.
/// </summary>
public sealed partial class NightSession : IAsyncDisposable
{
    private readonly Channel<Message> _queue = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NightRecorder _recorder;
    private readonly NotificationPipeline _pipeline;
    private readonly NightPersister _persister;
    private readonly CaptureWriter? _capture;
    private readonly ILogger _logger;
    private DateTimeOffset? _gapStart;
    private bool _gapOpen;
    private DateTimeOffset? _lastNotificationAt;
    private DateTimeOffset _lastCaptureTime = DateTimeOffset.MinValue;
    private LiveStatus _status = LiveStatus.Initial;
    private long _received;
    private int? _pendingBattery;
    private readonly TimeProvider _time;

    /// <summary>When the notification being handled reached NightLeg (wall clock): an awakening it decides is logged with it.</summary>
    private DateTimeOffset? _handlingArrivedAt;

    /// <summary>The time the notification being handled carries (the radio's, as it received it).</summary>
    private DateTimeOffset? _handlingNotifiedAt;
    private DateTimeOffset _storageLoggedAt = DateTimeOffset.MinValue;
    private bool _captureFailed;
    private StorageException? _storageProblem;
    private DateTimeOffset? _storageSince;

    /// <summary>At most one log line per this interval about a storage failure that goes on.</summary>
    public static readonly TimeSpan StorageLogInterval = TimeSpan.FromMinutes(1);

    /// <summary>Creates the session; <see cref="RunAsync"/> must run for anything to be handled.</summary>
    public NightSession(NightCalendar calendar, DetectorThresholds thresholds, INightRepository nights, IEpochRepository epochs, CrampJournal journal,
        SyncOptions options, CaptureWriter? capture, ILogger<NightSession> logger, TimeProvider time, ISleeperProfileRepository? sleeper = null,
        NightLegDatabase? disk = null, DeviceFamilies? families = null)
    {
        _recorder = new NightRecorder(calendar, thresholds, sleeper?.Get(), sleeper is null ? null : sleeper.GetLearning);
        _pipeline = new NotificationPipeline(_recorder, families ?? DeviceFamilies.Default);
        _persister = new NightPersister(_recorder, nights, epochs, journal, options.BatchSeconds, sleeper, disk);
        _capture = capture;
        _logger = logger;
        _time = time;
        _persister.EventRecorded += e =>
        {
            // How long from the deciding notification reaching NightLeg to the prompt going out (the end-to-end latency's first half).
            LogDecided(e.Id, _handlingNotifiedAt, _handlingArrivedAt, _time.GetUtcNow());
            Raise(AwakeningRecorded, e);
        };
        _persister.Distressed += (e, _) => Raise(AwakeningDistressed, e);
        _persister.StorageFailed += OnStorageFailed;
        _persister.StorageRecovered += OnStorageRecovered;
        _pipeline.InvalidNotification += (n, error) => LogInvalid(n.Characteristic, error.Message);
        _recorder.EpochCompleted += epoch =>
        {
            if (_pendingBattery is { } battery)
            {
                _pendingBattery = null;
                _recorder.AddBattery(epoch.Start, battery);
            }
        };
        _recorder.EpochCompleted += epoch => Publish(_status with
        {
            Night = _recorder.CurrentNight?.Id,
            Sleep = _recorder.State,
            HeartRateBpm = epoch.HeartRateBpm ?? _status.HeartRateBpm,
            MovementG = epoch.MovementG ?? _status.MovementG,
            BaselineHeartRateBpm = _recorder.BaselineHeartRateBpm,
            LastDataAt = epoch.Start,
            SecondsStored = _persister.EpochsWritten,
            Storage = StorageStatusNow(),
            InvalidNotifications = _pipeline.Counts.Invalid,
            BatteryPercent = _pipeline.BatteryPercent ?? _status.BatteryPercent,
        });
    }

    /// <summary>
    /// Raised (on the session's thread) the moment an awakening is detected: stored, or — while storing fails —
    /// held by the journal, so the prompt works and its answer is stored with it when storing works again.
    /// </summary>
    public event Action<CrampEvent>? AwakeningRecorded;

    /// <summary>Raised (on the session's thread) when a detected awakening is plainly one in distress: a prompt with sound switched on sounds now.</summary>
    public event Action<CrampEvent>? AwakeningDistressed;

    /// <summary>Raised (on the session's thread) when the status changes.</summary>
    public event Action<LiveStatus>? StatusChanged;

    /// <summary>The latest status.</summary>
    public LiveStatus Status => Volatile.Read(ref _status);

    /// <summary>Notifications received so far (queued or handled).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Queues a notification (any thread).</summary>
    public void Post(in GattNotification notification)
    {
        Interlocked.Increment(ref _received); // BLE callbacks of different characteristics may run on different threads
        _queue.Writer.TryWrite(new Message(MessageKind.Notification, notification, null, null, Arrived: _time.GetUtcNow()));
    }

    /// <summary>The link state changed (any thread); a lost link opens a gap that the next data closes.</summary>
    public void SetConnection(ConnectionState state, string? deviceName = null, int? batteryPercent = null, MovementState? movement = null, bool? wornOnChest = null) =>
        _queue.Writer.TryWrite(new Message(MessageKind.Connection, default, state,
            deviceName is null && batteryPercent is null && movement is null && wornOnChest is null ? null : (deviceName, batteryPercent, movement, wornOnChest)));

    /// <summary>The user started the night (any thread); the instant is the night's clock (the latest data, else <paramref name="fallback"/>).</summary>
    public void StartNight(DateTimeOffset fallback) => _queue.Writer.TryWrite(new Message(MessageKind.Start, new GattNotification(fallback, Guid.Empty, default), null, null));

    /// <summary>The user stopped the night (any thread).</summary>
    public void StopNight(DateTimeOffset fallback) => _queue.Writer.TryWrite(new Message(MessageKind.Stop, new GattNotification(fallback, Guid.Empty, default), null, null));

    /// <summary>Asks the consumer to write everything pending now (any thread).</summary>
    public void Flush() => _queue.Writer.TryWrite(new Message(MessageKind.Flush, default, null, null));

    /// <summary>
    /// Writes everything queued before this call and completes when that is done (any thread) —
    /// for shutdown and for tests that need to know the session has caught up.
    /// </summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(new Message(MessageKind.Flush, default, null, null, done)) ? done.Task : Task.CompletedTask;
    }

    /// <summary>The consumer loop; returns when <paramref name="cancellationToken"/> fires, after writing what is pending.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    Handle(message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad message must not end the night's recording.
                    LogHandlingFailed(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        while (_queue.Reader.TryRead(out var rest))
        {
            try
            {
                Handle(rest);
            }
            catch (Exception e)
            {
                // As in the loop: one bad message must not cost the seconds still to be written.
                LogHandlingFailed(e);
            }
        }

        _recorder.Complete();
        _persister.Flush();
        if (_capture is not null && !_captureFailed)
        {
            WriteCapture(_capture.Flush);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _persister.Dispose();
        if (_capture is not null)
        {
            await _capture.DisposeAsync();
        }
    }

    private void Handle(in Message message)
    {
        switch (message.Kind)
        {
            case MessageKind.Notification:
                var n = message.Notification;
                _handlingArrivedAt = message.Arrived;
                _handlingNotifiedAt = n.ReceivedAt;
                if (_gapOpen)
                {
                    if (_gapStart is { } gapStart)
                    {
                        _recorder.MarkGap(gapStart, n.ReceivedAt, GapReason.LinkLost);
                    }

                    _gapOpen = false;
                    _gapStart = null;
                }

                _lastNotificationAt = _lastNotificationAt is { } last && last > n.ReceivedAt ? last : n.ReceivedAt;

                if (_capture is not null && !_captureFailed)
                {
                    // Keep the capture in time order even if two streams' clocks disagree by a millisecond.
                    _lastCaptureTime = n.ReceivedAt > _lastCaptureTime ? n.ReceivedAt : _lastCaptureTime;
                    WriteCapture(() => _capture.Write(n with { ReceivedAt = _lastCaptureTime }));
                }

                _pipeline.Process(n);
                break;
            case MessageKind.Connection:
                var state = message.State!.Value;
                if (state == ConnectionState.Reconnecting && !_gapOpen)
                {
                    // The gap runs from the last notification that arrived to the first after the reconnect.
                    _gapOpen = true;
                    _gapStart = _lastNotificationAt;
                    _recorder.Complete();
                    _persister.Flush();
                }

                var extra = message.Extra;
                if (extra?.WornOnChest is { } chest)
                {
                    // A chest strap's gravity vector tells how the sleeper lies.
                    _recorder.WornOnChest = chest;
                }

                if (extra?.Battery is { } level)
                {
                    // Read at connection: it belongs to the night of the next second recorded.
                    _pendingBattery = level;
                }

                Publish(_status with
                {
                    Connection = state,
                    DeviceName = extra?.Device ?? _status.DeviceName,
                    BatteryPercent = extra?.Battery ?? _status.BatteryPercent,
                    Movement = extra?.Movement ?? _status.Movement,
                    Reconnects = _status.Reconnects + (state == ConnectionState.Recording && _status.Connection == ConnectionState.Reconnecting ? 1 : 0),
                });
                break;
            case MessageKind.Start:
                _recorder.MarkStart(_recorder.LastEpoch?.Start ?? message.Notification.ReceivedAt);
                _persister.Flush();
                Publish(_status with { NightStartedByUser = true, Night = _recorder.CurrentNight?.Id ?? _status.Night });
                break;
            case MessageKind.Stop:
                _recorder.MarkStop(_recorder.LastEpoch?.Start.AddSeconds(1) ?? message.Notification.ReceivedAt);
                _persister.Flush();
                Publish(_status with { NightStartedByUser = false });
                break;
            case MessageKind.Flush:
                _persister.Flush();
                if (_capture is not null && !_captureFailed)
                {
                    WriteCapture(_capture.Flush);
                }

                Publish(_status with { SecondsStored = _persister.EpochsWritten, Storage = StorageStatusNow() });
                message.Done?.TrySetResult();
                break;
        }
    }

    /// <summary>The capture (<c>--record</c>) is an extra: when writing it fails it stops, once, and the night goes on.</summary>
    private void WriteCapture(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _captureFailed = true;
            LogCaptureStopped(e.Message);
        }
    }

    private StorageStatus? StorageStatusNow() =>
        _persister.Failing && _storageProblem is { } problem
            ? new StorageStatus(problem.Message, problem.DiskFull || DatabaseFile.IsDiskFull(problem),
                _storageSince ?? _time.GetUtcNow(), _persister.EpochsWaiting, _persister.EpochsDropped)
            : null;

    private void OnStorageFailed(StorageException e)
    {
        var now = _time.GetUtcNow();
        _storageSince ??= now;
        _storageProblem = e;
        if (now - _storageLoggedAt >= StorageLogInterval)
        {
            _storageLoggedAt = now;
            LogStorageFailing(e.Message, _persister.EpochsWaiting);
        }

        Publish(_status with { Storage = StorageStatusNow() });
    }

    private void OnStorageRecovered(long written)
    {
        LogStorageRecovered(written, _time.GetUtcNow() - (_storageSince ?? _time.GetUtcNow()));
        _storageSince = null;
        _storageProblem = null;
        _storageLoggedAt = DateTimeOffset.MinValue;
        Publish(_status with { Storage = null, SecondsStored = _persister.EpochsWritten });
    }

    private void Publish(LiveStatus status)
    {
        Volatile.Write(ref _status, status);
        Raise(StatusChanged, status);
    }

    /// <summary>
    /// Tells every subscriber, each on its own: one that throws (a page closing while NightLeg stops,
    /// an integration) is logged and the others, and the recording, go on.
    /// </summary>
    private void Raise<T>(Action<T>? handlers, T value)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(value);
            }
            catch (Exception e)
            {
                LogSubscriberFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Awakening {Id} decided by the notification of {NotifiedAt:O}: it reached NightLeg at {ArrivedAt:O}, the prompt went out at {PromptAt:O}")]
    private partial void LogDecided(Guid id, DateTimeOffset? notifiedAt, DateTimeOffset? arrivedAt, DateTimeOffset promptAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped a notification from {Characteristic} that did not decode: {Reason}")]
    private partial void LogInvalid(Guid characteristic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem} ({Waiting} seconds wait in memory to be stored.)")]
    private partial void LogStorageFailing(string problem, int waiting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing works again: {Written} waiting seconds written after {Outage}")]
    private partial void LogStorageRecovered(long written, TimeSpan outage);

    [LoggerMessage(Level = LogLevel.Error, Message = "The capture file stopped ({Reason}); the night is still recorded in the database")]
    private partial void LogCaptureStopped(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Something that follows the night failed on an update; the night goes on")]
    private partial void LogSubscriberFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a notification failed; the night goes on")]
    private partial void LogHandlingFailed(Exception exception);

    private enum MessageKind
    {
        Notification,
        Connection,
        Flush,
        Start,
        Stop,
    }

    private readonly record struct Message(MessageKind Kind, GattNotification Notification, ConnectionState? State,
        (string? Device, int? Battery, MovementState? Movement, bool? WornOnChest)? Extra,
        TaskCompletionSource? Done = null, DateTimeOffset? Arrived = null);
}
