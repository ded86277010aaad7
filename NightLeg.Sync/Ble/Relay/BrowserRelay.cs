using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace NightLeg.Sync.Ble.Relay;

/// <summary>
/// The phone's own Bluetooth as NightLeg's radio. The page (Web Bluetooth in Chrome) holds the link to
/// the wearable and is a plain GATT proxy: it does what the server asks (<see cref="RelayCommand"/>)
/// and relays every notification and answer as numbered events (<see cref="RelayEvent"/>). Decoding,
/// device-family rules (Polar settings before start, …) and detection all stay on the server: this
/// relay is one more <see cref="IBleAdapter"/> behind the same sync service. Events are taken in
/// order, exactly once: one already taken is skipped, one after a hole waits for the hole to be
/// filled (the page sends again what was not acknowledged). Thread-safe.
/// </summary>
public sealed partial class BrowserRelay : IBleAdapter
{
    /// <summary>Device ids of relayed wearables start with this.</summary>
    public const string IdPrefix = "phone:";

    /// <summary>How long a command may take on the phone.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long a connection waits for the page to say it is connected (it may be reconnecting to the wearable).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>At most this many events in one batch.</summary>
    public const int MaxBatch = 2000;

    /// <summary>Sequence numbers run from 1 to this: JavaScript's largest exact integer, what the page can count to.</summary>
    public const long MaxSequence = 9_007_199_254_740_991;

    /// <summary>Relayed wearables kept at once: one paired wearable, and the ones of a phone re-paired since (the least recently heard goes first).</summary>
    public const int MaxLinks = 4;

    private readonly ConcurrentDictionary<string, Link> _links = new(StringComparer.Ordinal);
    private readonly ILogger<BrowserRelay> _logger;
    private readonly TimeProvider _time;

    public BrowserRelay(ILogger<BrowserRelay> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
    }

    /// <summary>True for a relayed wearable's id.</summary>
    public static bool IsRelayId(string deviceId) => deviceId.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>A new relay id (the page keeps it; it names the wearable paired through this phone).</summary>
    public static string NewId() => IdPrefix + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    /// <summary>True for an id <see cref="NewId"/> could have made (a page asking to keep its id after a reload).</summary>
    public static bool IsWellFormed(string id) =>
        IsRelayId(id) && id.Length == IdPrefix.Length + 16 && id[IdPrefix.Length..].All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Relayed wearables held now (at most <see cref="MaxLinks"/>).</summary>
    public int LinkCount => _links.Count;

    /// <summary>True when every event's sequence number is one the page can have sent (1 to <see cref="MaxSequence"/>).</summary>
    public static bool InRange(IReadOnlyList<RelayEvent> events) => events.All(e => e.Seq is >= 1 and <= MaxSequence);

    /// <summary>
    /// Takes a batch of events from the page, in order, each once; returns the highest sequence number taken.
    /// Events numbered outside 1 to <see cref="MaxSequence"/> are not the page's and are ignored (a first one
    /// numbered long.MinValue must not make every later event look taken).
    /// </summary>
    public RelayAck Accept(string deviceId, IReadOnlyList<RelayEvent> events)
    {
        events = InRange(events) ? events : events.Where(e => e.Seq is >= 1 and <= MaxSequence).ToList();
        var link = LinkFor(deviceId);
        lock (link.Gate)
        {
            if (!link.Started && events.Count > 0)
            {
                // The first this NightLeg hears of the page (it started, or restarted, with the page
                // mid-night): take up the numbering where the page's unacknowledged events begin.
                link.Started = true;
                link.LastSeq = Math.Max(0, events.Min(e => e.Seq) - 1);
            }

            foreach (var e in events.OrderBy(e => e.Seq))
            {
                if (e.Seq <= link.LastSeq)
                {
                    continue; // taken before: its acknowledgement was lost
                }

                if (e.Seq != link.LastSeq + 1)
                {
                    break; // a hole: wait until it is sent again
                }

                Handle(link, e);
                Interlocked.Exchange(ref link.LastSeq, e.Seq);
            }

            return new RelayAck(link.LastSeq);
        }
    }

    /// <summary>The commands waiting for the page (waits up to <paramref name="wait"/> for the first).</summary>
    public async Task<IReadOnlyList<RelayCommand>> NextCommandsAsync(string deviceId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var link = LinkFor(deviceId);
        using var deadline = new CancellationTokenSource(wait, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var commands = new List<RelayCommand>();
        try
        {
            if (await link.Commands.Reader.WaitToReadAsync(timeout.Token))
            {
                while (commands.Count < 100 && link.Commands.Reader.TryRead(out var command))
                {
                    commands.Add(command);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        return commands;
    }

    /// <inheritdoc />
    public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Ready);

    /// <inheritdoc />
    public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BleAdvertisement>>([]); // the phone's own chooser does the scanning

    /// <inheritdoc />
    public async Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken)
    {
        var link = LinkFor(deviceId);
        Task<RelayConnection> up;
        lock (link.Gate)
        {
            if (link.Current is { } current && !current.Disconnected.IsCompleted)
            {
                return current;
            }

            up = link.Up.Task;
        }

        // The page keeps the link up by itself (and connects again after every loss); asked, it says
        // again that it is connected (NightLeg may have given up on a link the page still holds).
        link.Commands.Writer.TryWrite(new RelayCommand(link.NextCommandId(), RelayOp.Hello));
        try
        {
            return await up.WaitAsync(ConnectTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new BleException(BleErrorKind.Timeout, $"the phone did not report the wearable connected within {ConnectTimeout.TotalSeconds:0} s (is its NightLeg page open?)");
        }
    }

    private Link LinkFor(string deviceId)
    {
        if (!IsRelayId(deviceId))
        {
            throw new BleException(BleErrorKind.NotFound, $"{deviceId} is not a phone-relayed wearable");
        }

        if (!_links.TryGetValue(deviceId, out var link))
        {
            // Bounded whatever a page posts: the least recently heard link makes room.
            while (_links.Count >= MaxLinks && _links.Values.MinBy(l => Interlocked.Read(ref l.LastHeard)) is { } oldest)
            {
                _links.TryRemove(oldest.DeviceId, out _);
            }

            link = _links.GetOrAdd(deviceId, id => new Link(id));
        }

        Interlocked.Exchange(ref link.LastHeard, Environment.TickCount64);
        return link;
    }

    private void Handle(Link link, RelayEvent e)
    {
        switch (e.Kind)
        {
            case RelayEventKind.Connected:
                var services = (e.Services ?? []).Select(s => Guid.TryParse(s, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
                var connection = new RelayConnection(this, link, e.Name, services);
                link.Current?.Lost("the phone connected again");
                link.Current = connection;
                link.Up.TrySetResult(connection);
                LogConnected(link.DeviceId, e.Name ?? "?");
                break;
            case RelayEventKind.Disconnected:
                var lost = link.Current;
                link.DropCurrent();
                link.Subscribers.Clear();
                lost?.Lost(e.Error ?? "the phone lost the wearable");
                LogLost(link.DeviceId, e.Error ?? "link lost");
                break;
            case RelayEventKind.Notify:
                // Routed by the link, not the connection: what the page kept while NightLeg was away
                // still arrives after NightLeg gave up on that connection (its silent-link watchdog).
                if (e.C is { } c && Guid.TryParse(c, out var characteristic) && e.T is { } t && TryBytes(e.V, out var bytes) &&
                    link.Subscribers.TryGetValue(characteristic, out var subscriber))
                {
                    subscriber(new GattNotification(DateTimeOffset.FromUnixTimeMilliseconds(t), characteristic, bytes));
                }
                else
                {
                    Interlocked.Increment(ref link.Dropped);
                }

                break;
            case RelayEventKind.Reply:
                if (e.Id is { } id && link.Pending.TryRemove(id, out var waiting))
                {
                    waiting.TrySetResult(e);
                }

                break;
        }
    }

    /// <summary>An operation as a log line says it: "read", "subscribe to".</summary>
    private static string Verb(RelayOp op) => op switch
    {
        RelayOp.Char => "find",
        RelayOp.Subscribe => "subscribe to",
        RelayOp.Unsubscribe => "unsubscribe from",
        _ => op.ToString().ToLowerInvariant(),
    };

    internal async Task<RelayEvent> AskAsync(Link link, RelayCommand command, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<RelayEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Pending[command.Id] = answer;
        link.Commands.Writer.TryWrite(command);
        try
        {
            var reply = await answer.Task.WaitAsync(CommandTimeout, _time, cancellationToken);
            if (reply.NotFound)
            {
                throw new BleException(BleErrorKind.MissingCharacteristic, $"{command.C} is not offered by the wearable (the phone says: {reply.Error ?? "not found"})");
            }

            return reply.Error is { } error ? throw new BleException(BleErrorKind.Failed, $"the phone could not {Verb(command.Op)} {command.C}: {error}") : reply;
        }
        catch (TimeoutException)
        {
            throw new BleException(BleErrorKind.Timeout, $"the phone did not answer {Verb(command.Op)} {command.C} within {CommandTimeout.TotalSeconds:0} s");
        }
        finally
        {
            link.Pending.TryRemove(command.Id, out _);
        }
    }

    private static bool TryBytes(string? base64, out byte[] bytes)
    {
        bytes = [];
        if (base64 is null || base64.Length > 1024)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Phone relay {Relay}: the phone is connected to {Name}")]
    private partial void LogConnected(string relay, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Phone relay {Relay}: {Reason}")]
    private partial void LogLost(string relay, string reason);

    /// <summary>One relayed wearable: its command queue, pending answers and the connection now up.</summary>
    internal sealed class Link(string deviceId)
    {
        private int _commandId;

        public string DeviceId { get; } = deviceId;

        public Lock Gate { get; } = new();

        public long LastSeq;

        /// <summary>When the page was last heard of (<see cref="Environment.TickCount64"/>: only for choosing which link to drop).</summary>
        public long LastHeard;

        public bool Started;

        public long Dropped;

        public Channel<RelayCommand> Commands { get; } = Channel.CreateBounded<RelayCommand>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

        public ConcurrentDictionary<int, TaskCompletionSource<RelayEvent>> Pending { get; } = new();

        public ConcurrentDictionary<Guid, Action<GattNotification>> Subscribers { get; } = new();

        public TaskCompletionSource<RelayConnection> Up { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RelayConnection? Current { get; set; }

        public int NextCommandId() => Interlocked.Increment(ref _commandId);

        /// <summary>The server ended <paramref name="connection"/>: the next ConnectAsync waits for the page's next "connected".</summary>
        public void Ended(RelayConnection connection)
        {
            lock (Gate)
            {
                if (ReferenceEquals(Current, connection))
                {
                    DropCurrent();
                }
            }
        }

        /// <summary>No connection is up: the next ConnectAsync waits for the page's next "connected". Call under <see cref="Gate"/>.</summary>
        public void DropCurrent()
        {
            Current = null;
            Up = new TaskCompletionSource<RelayConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
