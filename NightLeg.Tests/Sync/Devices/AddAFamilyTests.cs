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
/// The rule: adding a device is one family (a folder) and one registration. A new band is declared
/// below exactly as a folder under NightLeg.Sync/Devices would declare it, registered once, and then
/// recognised, simulated, decoded, listed on the Devices page and recorded live — with no other change.
/// </summary>
public sealed class AddAFamilyTests
{
    private static readonly DeviceFamilies WithBand = new([.. DeviceFamilies.Default.All, new TestBandFamily()]);

    [Fact]
    public void Recognise_TheNewBand_ByItsRegistrationAlone()
    {
        var family = WithBand.Recognise("TestBand 0042", [GattUuids.HeartRateService, GattUuids.InfiniTimeMotionService]);

        Assert.Equal("test-band", family?.Id);
        Assert.Null(DeviceFamilies.Default.Recognise("TestBand 0042", [GattUuids.BatteryService]));
    }

    [Fact]
    public void Simulator_SimulatesTheNewBand_AndReplayDecodesIt()
    {
        var simulator = new NightSimulator(SimulationOptions.ForSeed(5, WithBand.Simulate("test-band"), 1) with { Hours = 1 });

        var result = CaptureReplay.Run(simulator.Notifications(), NightCalendar.ForZone("Europe/Oslo"));

        Assert.Equal("TestBand 0042", simulator.Header.Device);
        Assert.True(result.Samples.HeartRate > 3000);
        Assert.True(result.Samples.Motion > 3000);
        Assert.Equal(0, result.Pipeline.Invalid);
    }

    [Fact]
    public async Task Decode_TheNewBandsProfiles_ComeFromItsRegistration()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await DecodeCommand.Create(WithBand).Parse(["--profile", "test-band-motion", "000400FC0000"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.True(code == 0, error.ToString());
        Assert.Equal(1.0, JsonDocument.Parse(output.ToString()).RootElement.GetProperty("xG").GetDouble());
    }

    [Fact]
    public void DevicesPage_ShowsTheNewBandWithItsCapabilities()
    {
        var vm = new DevicesViewModel(new NoAdapter(), new InMemoryDeviceRepository(), WithBand, new FakeLiveNight(), TimeProvider.System);
        var found = new BleAdvertisement("AA:BB", "TestBand 0042", -50, [GattUuids.HeartRateService, GattUuids.InfiniTimeMotionService]);

        Assert.Equal("Test band", vm.FamilyOf(found)?.DisplayName);
        Assert.Equal((true, true, false), vm.Offers(found));
    }

    [Fact]
    public async Task LiveSync_RecordsTheNewBand()
    {
        // The night sync service, given the registry, connects it, starts its streams and records both.
        var run = await NightSyncServiceTests.RunWithFamiliesAsync(WithBand.Simulate("test-band"), WithBand);

        Assert.Equal("raw XYZ at 10 Hz", run.Movement);
        Assert.True(run.SecondsWithHeartRate > 300 && run.SecondsWithMovement > 300, $"{run.SecondsWithHeartRate} / {run.SecondsWithMovement}");
    }

    private sealed class NoAdapter : IBleAdapter
    {
        public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Unavailable);

        public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BleAdvertisement>>([]);

        public Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken) => throw new BleException(BleErrorKind.NoAdapter, "none");
    }
}
