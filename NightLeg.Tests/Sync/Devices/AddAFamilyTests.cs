using System.Text.Json;
using NightLeg.Domain.Nights;
using NightLeg.Mobile.Cli;
using NightLeg.Mobile.ViewModels;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Devices.Clients;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Sync.Live;

namespace NightLeg.Tests.Sync.Devices;

/// <summary>
/// The rule: adding a device is one family (a folder) and one registration. A new band with a
/// characteristic of its own (<see cref="TestBandFamily"/>: its own service, UUIDs, byte layout and
/// decoder) is declared exactly as a folder under NightLeg.Sync/Devices would declare it, registered
/// once, and then recognised, scanned for, simulated, decoded by the pipeline and by <c>decode</c>,
/// listed on the Devices page, offered to the phone's Bluetooth and recorded live — with no other change.
/// </summary>
public sealed class AddAFamilyTests
{
    private static readonly DeviceFamilies WithBand = new([.. DeviceFamilies.Default.All, new TestBandFamily()]);

    [Fact]
    public void Recognise_TheNewBand_ByItsRegistrationAlone()
    {
        var family = WithBand.Recognise("TestBand 0042", [GattUuids.HeartRateService, TestBandFamily.MotionService]);

        Assert.Equal("test-band", family?.Id);
        Assert.Null(DeviceFamilies.Default.Recognise("TestBand 0042", [GattUuids.BatteryService]));
    }

    [Fact]
    public void Simulator_SimulatesTheNewBand_AndReplayDecodesIt()
    {
        var simulator = new NightSimulator(SimulationOptions.ForSeed(5, WithBand.Simulate("test-band"), 1) with { Hours = 1 });

        var result = CaptureReplay.Run(simulator.Notifications(), NightCalendar.ForZone("Europe/Oslo"), families: WithBand);
        var withoutRegistration = CaptureReplay.Run(simulator.Notifications(), NightCalendar.ForZone("Europe/Oslo"));

        Assert.Equal("TestBand 0042", simulator.Header.Device);
        Assert.Equal(0, withoutRegistration.Samples.Motion); // its characteristic is known only through the registration
        Assert.True(result.Samples.HeartRate > 3000);
        Assert.True(result.Samples.Motion > 3000);
        Assert.Equal(0, result.Pipeline.Invalid);
    }

    [Fact]
    public async Task Decode_TheNewBandsProfiles_ComeFromItsRegistration()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await DecodeCommand.Create(WithBand).Parse(["--profile", "test-band-motion", "E803 0000 18FC"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.True(code == 0, error.ToString());
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(1.0, json.GetProperty("xG").GetDouble());
        Assert.Equal(-1.0, json.GetProperty("zG").GetDouble());
    }

    [Fact]
    public void DevicesPage_ShowsTheNewBandWithItsCapabilities()
    {
        var vm = new DevicesViewModel(new NoAdapter(), new InMemoryDeviceRepository(), WithBand, new FakeLiveNight(), TimeProvider.System);
        var found = new BleAdvertisement("AA:BB", "TestBand 0042", -50, [GattUuids.HeartRateService, TestBandFamily.MotionService]);

        Assert.Equal("Test band", vm.FamilyOf(found)?.DisplayName);
        Assert.Equal((true, true, false), vm.Offers(found));
    }

    [Fact]
    public async Task Scan_AndThePhonesBluetooth_LookForTheNewBandsService()
    {
        var adapter = new RecordingAdapter();
        var vm = new DevicesViewModel(adapter, new InMemoryDeviceRepository(), WithBand, new FakeLiveNight(), TimeProvider.System);

        await vm.ScanCommand.ExecuteAsync(null);

        Assert.Contains(TestBandFamily.MotionService, adapter.Filter!);
        Assert.Contains(GattUuids.HeartRateService, adapter.Filter!);
        Assert.Contains(TestBandFamily.MotionService, WithBand.Services); // what relay.js is served (GET /relay/services)
        Assert.DoesNotContain(TestBandFamily.MotionService, DeviceFamilies.Default.Services);
    }

    [Fact]
    public async Task LiveSync_RecordsTheNewBand()
    {
        // The night sync service, given the registry, connects it, starts its streams and records both.
        var run = await NightSyncServiceTests.RunWithFamiliesAsync(WithBand.Simulate("test-band"), WithBand);

        Assert.Equal("x, y, z at 10 Hz", run.Movement);
        Assert.True(run.SecondsWithHeartRate > 300 && run.SecondsWithMovement > 300, $"{run.SecondsWithHeartRate} / {run.SecondsWithMovement}");
    }

    private sealed class RecordingAdapter : IBleAdapter
    {
        public IReadOnlyList<Guid>? Filter { get; private set; }

        public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Ready);

        public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken)
        {
            Filter = serviceFilter;
            return Task.FromResult<IReadOnlyList<BleAdvertisement>>([]);
        }

        public Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken) => throw new BleException(BleErrorKind.NoAdapter, "none");
    }

    private sealed class NoAdapter : IBleAdapter
    {
        public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Unavailable);

        public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BleAdvertisement>>([]);

        public Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken) => throw new BleException(BleErrorKind.NoAdapter, "none");
    }
}
