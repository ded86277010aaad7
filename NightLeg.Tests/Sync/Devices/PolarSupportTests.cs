using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Devices;

/// <summary>Polar sensors started as Polar's SDK does: settings first, then a start the sensor offers; heart rate kept whatever happens to ACC.</summary>
public sealed class PolarSupportTests
{
    [Theory]
    [InlineData("polar-h10", "ACC 25 Hz, ±2 G, 16 bit")]
    [InlineData("polar-verity-sense", "ACC 52 Hz, ±8 G, 16 bit")]
    public async Task Start_AsksSettingsFirst_StartsWhatTheSensorOffers(string device, string expected)
    {
        // Arrange
        await using var sensor = Sensor(device);
        await using var connection = await sensor.ConnectAsync(SimulatedWearableAdapter.DeviceId, CancellationToken.None);
        var controlPoint = new List<PmdControlPointResponse>();

        // Act
        var family = DeviceFamilies.Default.Recognise(connection.Name, connection.Services)!;
        await using var streams = await family.StartAsync(connection, n =>
        {
            if (n.Characteristic == GattUuids.PolarPmdControlPoint)
            {
                controlPoint.Add(PmdControlPointResponseDecoder.Decode(n.Payload.Span).Value!);
            }
        }, TimeProvider.System, CancellationToken.None);

        // Assert: a settings answer, then a successful start — in that order.
        Assert.Equal(device, family.Id);
        Assert.Equal(expected, streams.Movement);
        Assert.Null(streams.MovementUnavailable);
        Assert.Equal([(PmdCommands.GetSettingsOpcode, true), (PmdCommands.StartOpcode, true)], controlPoint.Select(r => (r.Opcode, r.Succeeded)));
    }

    [Fact]
    public async Task SimulatedH10_AnswersItsRealSettings_AndRefuses52Hz()
    {
        // Arrange
        await using var sensor = Sensor("polar-h10");
        await using var connection = await sensor.ConnectAsync(SimulatedWearableAdapter.DeviceId, CancellationToken.None);
        var answers = new List<byte[]>();
        var cp = await connection.GetCharacteristicAsync(GattUuids.PolarPmdService, GattUuids.PolarPmdControlPoint, CancellationToken.None);
        await using var _ = await cp.SubscribeAsync(n => answers.Add(n.Payload.ToArray()), CancellationToken.None);

        // Act: what the old NightLeg sent an H10 (a Verity Sense's 52 Hz), then ask the settings.
        await cp.WriteAsync(PmdCommands.StartAcc(52, 16, 8, 3), CancellationToken.None);
        await cp.WriteAsync(PmdCommands.GetSettings(PmdMeasurementType.Acc), CancellationToken.None);

        // Assert
        var refused = PmdControlPointResponseDecoder.Decode(answers[0]).Value!;
        Assert.Equal("invalid sample rate", refused.StatusText);
        var settings = PmdSettingsDecoder.Decode(PmdControlPointResponseDecoder.Decode(answers[1]).Value!.Parameters).Value!;
        Assert.Equal([25.0, 50, 100, 200], settings[PmdSettingType.SampleRate]);
        Assert.Equal([2.0, 4, 8], settings[PmdSettingType.Range]);
    }

    [Fact]
    public async Task Start_SensorRefusesAcc_KeepsHeartRateAndSaysWhy()
    {
        // Arrange: an H10 in its charger answers every start with status 13.
        await using var sensor = Sensor("polar-h10", new FaultPlan([], [], TimeSpan.Zero, 0, AccStartStatus: 13));
        await using var connection = await sensor.ConnectAsync(SimulatedWearableAdapter.DeviceId, CancellationToken.None);
        var heartRates = 0;

        // Act
        await using var streams = await DeviceFamilies.Default.Get("polar-h10")!.StartAsync(connection, n =>
        {
            if (n.Characteristic == GattUuids.HeartRateMeasurement)
            {
                Interlocked.Increment(ref heartRates);
            }
        }, TimeProvider.System, CancellationToken.None);
        await Eventually.HoldsAsync(() => Volatile.Read(ref heartRates) >= 3);

        // Assert
        Assert.Null(streams.Movement);
        Assert.Equal(MovementProblemKind.Refused, streams.MovementUnavailable!.Kind);
        Assert.Contains("device in charger", streams.MovementUnavailable.Detail);
        Assert.True(Volatile.Read(ref heartRates) >= 3, "heart rate stopped for the sake of movement");
    }

    private static SimulatedWearableAdapter Sensor(string device, FaultPlan? faults = null) =>
        new(SimulationOptions.ForSeed(3, DeviceFamilies.Default.Simulate(device), 0) with { Hours = 0.5 }, TimeProvider.System, speed: 200, faults);
}
