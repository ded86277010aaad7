using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.Relay;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Ble;

/// <summary>
/// The browser relay as the server sees it: events taken in order and once, whatever the page sends
/// again; and a Polar H10 held by a "page" (here a C# proxy doing what relay.js does) started by the
/// server's own Polar family — settings first, then the start the sensor offers. (Issue 12.)
/// </summary>
public sealed class BrowserRelayTests
{
    private const string Id = "phone:0011223344556677";
    private static readonly string Hr = GattUuids.Format(GattUuids.HeartRateMeasurement);

    [Fact]
    public void Accept_FirstEventNumberedLongMinValue_IgnoredAndLaterEventsStillTaken()
    {
        // Issue 21, R3: a first event numbered long.MinValue made the acknowledgement long.MaxValue, so every later
        // event looked taken already (the page forgot it) and was dropped.
        var relay = new BrowserRelay(new ListLogger<BrowserRelay>(), TimeProvider.System);

        var hostile = relay.Accept(Id, [new RelayEvent(long.MinValue, RelayEventKind.Connected, Name: "Strap"), new RelayEvent(long.MaxValue, RelayEventKind.Connected, Name: "Strap")]);
        var honest = relay.Accept(Id, [new RelayEvent(1, RelayEventKind.Connected, Name: "Strap", Services: [GattUuids.Format(GattUuids.HeartRateService)])]);

        Assert.Equal(0, hostile.Ack);
        Assert.False(BrowserRelay.InRange([new RelayEvent(0, RelayEventKind.Connected)]));
        Assert.Equal(1, honest.Ack);
    }

    [Fact]
    public void Accept_SixtyThousandMadeUpIds_KeepsAtMostAFewLinks()
    {
        // Issue 21, R4: every distinct relay id kept a link (and its queues) for ever: 60,000 ids, +200 MB.
        var relay = new BrowserRelay(new ListLogger<BrowserRelay>(), TimeProvider.System);
        for (var i = 0; i < 60_000; i++)
        {
            relay.Accept($"phone:{i:x16}", [new RelayEvent(1, RelayEventKind.Disconnected)]);
        }

        var ack = relay.Accept(Id, [new RelayEvent(1, RelayEventKind.Connected, Name: "Strap")]);

        Assert.True(relay.LinkCount <= BrowserRelay.MaxLinks, $"{relay.LinkCount} links kept");
        Assert.Equal(1, ack.Ack);
    }

    [Fact]
    public async Task Events_InOrderOnce_RepeatsSkipped_AHoleWaitsToBeFilled()
    {
        // Arrange: the page is connected and the server subscribed to heart rate.
        var relay = new BrowserRelay(new ListLogger<BrowserRelay>(), TimeProvider.System);
        var received = new List<long>();
        relay.Accept(Id, [new RelayEvent(1, RelayEventKind.Connected, Name: "Strap", Services: [GattUuids.Format(GattUuids.HeartRateService)])]);
        var connection = await relay.ConnectAsync(Id, CancellationToken.None);
        var subscribed = SubscribeAsync(relay, connection, n => received.Add(n.ReceivedAt.ToUnixTimeMilliseconds()));
        await AnswerAsync(relay, 2);
        await AnswerAsync(relay, 3);
        await subscribed;

        // Act: 4–6; 5–7 again (the answer to the first was lost); 9 before 8 (a hole); then 8–9.
        var first = relay.Accept(Id, [Notify(4, 1000), Notify(5, 2000), Notify(6, 3000)]);
        var again = relay.Accept(Id, [Notify(5, 2000), Notify(6, 3000), Notify(7, 4000)]);
        var hole = relay.Accept(Id, [Notify(9, 6000)]);
        var filled = relay.Accept(Id, [Notify(8, 5000), Notify(9, 6000)]);

        // Assert
        Assert.Equal([6L, 7, 7, 9], new[] { first.Ack, again.Ack, hole.Ack, filled.Ack });
        Assert.Equal([1000L, 2000, 3000, 4000, 5000, 6000], received);
    }

    [Fact]
    public async Task NightLegRestarted_TakesUpThePagesNumbering_WhereItsUnacknowledgedEventsBegin()
    {
        // Arrange: a NightLeg that has never heard of this page (it restarted mid-night); the page still holds 57–59.
        var relay = new BrowserRelay(new ListLogger<BrowserRelay>(), TimeProvider.System);
        var received = new List<long>();

        // Act: the page says again that it is connected (as "hello" asks), then what it held.
        var first = relay.Accept(Id, [new RelayEvent(57, RelayEventKind.Connected, Name: "Strap", Services: [GattUuids.Format(GattUuids.HeartRateService)])]);
        var connection = await relay.ConnectAsync(Id, CancellationToken.None);
        var subscribed = SubscribeAsync(relay, connection, n => received.Add(n.ReceivedAt.ToUnixTimeMilliseconds()));
        await AnswerAsync(relay, 58);
        await AnswerAsync(relay, 59);
        await subscribed;
        var later = relay.Accept(Id, [Notify(60, 1000), Notify(61, 2000)]);

        // Assert
        Assert.Equal(57, first.Ack);
        Assert.Equal(61, later.Ack);
        Assert.Equal([1000L, 2000], received);
    }

    [Fact]
    public async Task PolarH10_HeldByThePhone_StartedByTheServersFamily_SettingsFirst()
    {
        // Arrange: the simulated H10 behind a page that proxies every command, as relay.js does.
        await using var sensor = new SimulatedWearableAdapter(SimulationOptions.ForSeed(3, DeviceFamilies.Default.Simulate("polar-h10"), 0) with { Hours = 0.5 },
            TimeProvider.System, speed: 200);
        var relay = new BrowserRelay(new ListLogger<BrowserRelay>(), TimeProvider.System);
        await using var page = await Page.StartAsync(relay, sensor);
        var controlPoint = new List<PmdControlPointResponse>();
        var heartRates = 0;

        // Act: what the sync service does with any connection.
        var connection = await relay.ConnectAsync(Id, CancellationToken.None);
        var family = DeviceFamilies.Default.Recognise(connection.Name, connection.Services)!;
        await using var streams = await family.StartAsync(connection, n =>
        {
            if (n.Characteristic == GattUuids.PolarPmdControlPoint)
            {
                controlPoint.Add(PmdControlPointResponseDecoder.Decode(n.Payload.Span).Value!);
            }
            else if (n.Characteristic == GattUuids.HeartRateMeasurement)
            {
                Interlocked.Increment(ref heartRates);
            }
        }, TimeProvider.System, CancellationToken.None);
        await Eventually.HoldsAsync(() => Volatile.Read(ref heartRates) >= 5);

        // Assert: the H10's own rates asked first, then a start it accepts; heart rate flowing.
        Assert.Equal("polar-h10", family.Id);
        Assert.Equal("ACC 25 Hz, ±2 G, 16 bit", streams.Movement);
        Assert.Equal([(PmdCommands.GetSettingsOpcode, true), (PmdCommands.StartOpcode, true)], controlPoint.Select(r => (r.Opcode, r.Succeeded)));
        Assert.True(heartRates >= 5, $"{heartRates} heart-rate notifications");
        Assert.Contains(page.Ops, op => op.StartsWith("Write ", StringComparison.Ordinal));
    }

    private static RelayEvent Notify(long seq, long t) => new(seq, RelayEventKind.Notify, t, Hr, Convert.ToBase64String([0x00, 60]));

    private static async Task SubscribeAsync(BrowserRelay relay, IBleConnection connection, Action<GattNotification> onNotification)
    {
        var characteristic = await connection.GetCharacteristicAsync(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, CancellationToken.None);
        await characteristic.SubscribeAsync(onNotification, CancellationToken.None);
    }

    /// <summary>Answers the next command the server queued, as event <paramref name="seq"/>.</summary>
    private static async Task AnswerAsync(BrowserRelay relay, long seq)
    {
        var commands = await relay.NextCommandsAsync(Id, TimeSpan.FromSeconds(5), CancellationToken.None);
        var command = commands.Single(c => c.Op != RelayOp.Hello);
        relay.Accept(Id, [new RelayEvent(seq, RelayEventKind.Reply, Id: command.Id)]);
    }

    /// <summary>The page, in C#: a GATT proxy over a real <see cref="IBleConnection"/>, numbering every event.</summary>
    private sealed class Page : IAsyncDisposable
    {
        private readonly BrowserRelay _relay;
        private readonly IBleConnection _device;
        private readonly CancellationTokenSource _stop = new();
        private readonly Lock _gate = new();
        private readonly List<IAsyncDisposable> _subscriptions = [];
        private long _seq;
        private Task _loop = Task.CompletedTask;

        private Page(BrowserRelay relay, IBleConnection device)
        {
            _relay = relay;
            _device = device;
        }

        public List<string> Ops { get; } = [];

        public static async Task<Page> StartAsync(BrowserRelay relay, IBleAdapter sensor)
        {
            var device = await sensor.ConnectAsync(SimulatedWearableAdapter.DeviceId, CancellationToken.None);
            var page = new Page(relay, device);
            page.Send(seq => new RelayEvent(seq, RelayEventKind.Connected, Name: device.Name, Services: [.. device.Services.Select(GattUuids.Format)]));
            page._loop = page.RunAsync();
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            foreach (var subscription in _subscriptions)
            {
                await subscription.DisposeAsync();
            }

            await _device.DisposeAsync();
            _stop.Dispose();
        }

        private void Send(Func<long, RelayEvent> make)
        {
            lock (_gate)
            {
                _relay.Accept(Id, [make(++_seq)]);
            }
        }

        private async Task RunAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                IReadOnlyList<RelayCommand> commands;
                try
                {
                    commands = await _relay.NextCommandsAsync(Id, TimeSpan.FromSeconds(1), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                foreach (var command in commands)
                {
                    Ops.Add($"{command.Op} {command.C}");
                    if (command.Op == RelayOp.Hello)
                    {
                        Send(seq => new RelayEvent(seq, RelayEventKind.Connected, Name: _device.Name, Services: [.. _device.Services.Select(GattUuids.Format)]));
                        continue;
                    }

                    try
                    {
                        var characteristic = await _device.GetCharacteristicAsync(Guid.Parse(command.S!), Guid.Parse(command.C!), _stop.Token);
                        string? value = null;
                        switch (command.Op)
                        {
                            case RelayOp.Read:
                                value = Convert.ToBase64String(await characteristic.ReadAsync(_stop.Token));
                                break;
                            case RelayOp.Write:
                                await characteristic.WriteAsync(Convert.FromBase64String(command.V!), _stop.Token);
                                break;
                            case RelayOp.Subscribe:
                                _subscriptions.Add(await characteristic.SubscribeAsync(
                                    n => Send(seq => new RelayEvent(seq, RelayEventKind.Notify, n.ReceivedAt.ToUnixTimeMilliseconds(), GattUuids.Format(n.Characteristic), Convert.ToBase64String(n.Payload.Span))),
                                    _stop.Token));
                                break;
                        }

                        Send(seq => new RelayEvent(seq, RelayEventKind.Reply, V: value, Id: command.Id));
                    }
                    catch (BleException e)
                    {
                        Send(seq => new RelayEvent(seq, RelayEventKind.Reply, Id: command.Id, Error: e.Message, NotFound: e.Kind is BleErrorKind.NotFound or BleErrorKind.MissingCharacteristic));
                    }
                }
            }
        }
    }
}
