using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Polar;
using NightLeg.Sync.Live;

namespace NightLeg.Tests.Sync.Live;

public sealed class DeviceProfileTests
{
    [Theory]
    [InlineData(new[] { "180d" }, DeviceKind.GenericHeartRate)]
    [InlineData(new[] { "180d", "180f", "00030000-78fc-48fe-8e23-433b3a1942d0" }, DeviceKind.InfiniTime)]
    [InlineData(new[] { "180d", "fb005c80-02e7-f387-1cad-8acd2d8df0c8" }, DeviceKind.Polar)]
    public void For_Services_RecognisesTheDevice(string[] services, DeviceKind expected)
    {
        Assert.Equal(expected, DeviceProfile.For(services.Select(Uuid).ToList())!.Kind);
    }

    [Fact]
    public void For_NoHeartRateService_IsNotAWearableWeUse()
    {
        Assert.Null(DeviceProfile.For([GattUuids.BatteryService]));
    }

    [Fact]
    public async Task Start_Polar_WritesTheAccStartCommandAndAcceptsSuccess()
    {
        // Arrange: the sensor answers F0 02 02 00 (success).
        var connection = new FakeConnection([GattUuids.HeartRateService, GattUuids.BatteryService, GattUuids.PolarPmdService], status: 0x00);

        // Act
        var (subscriptions, battery) = await DeviceProfile.For(connection.Services)!.StartAsync(connection, _ => { }, CancellationToken.None);

        // Assert
        Assert.Equal(PmdCommands.StartAcc(), Assert.Single(connection.Writes));
        Assert.Equal(4, subscriptions.Count); // heart rate, battery, PMD control point, PMD data
        Assert.Equal(64, battery);
    }

    [Fact]
    public async Task Start_PolarRefuses_FailsWithTheSensorsReason()
    {
        // F0 02 02 06: "already in state"
        var connection = new FakeConnection([GattUuids.HeartRateService, GattUuids.PolarPmdService], status: 0x06);

        var e = await Assert.ThrowsAsync<BleException>(() => DeviceProfile.For(connection.Services)!.StartAsync(connection, _ => { }, CancellationToken.None));

        Assert.Contains("already in state", e.Message);
        Assert.Equal(0, connection.OpenSubscriptions); // everything it opened, it closed
    }

    private static Guid Uuid(string text) => text.Length == 4 ? GattUuids.Sig(Convert.ToUInt16(text, 16)) : Guid.Parse(text);

    private sealed class FakeConnection(IReadOnlyList<Guid> services, byte status) : IBleConnection
    {
        private readonly Dictionary<Guid, Action<GattNotification>> _handlers = [];

        public List<byte[]> Writes { get; } = [];

        public byte Status { get; } = status;

        public int OpenSubscriptions => _handlers.Count;

        public string DeviceId => "AA";

        public string? Name => "Polar H10";

        public IReadOnlyList<Guid> Services => services;

        public Task<BleDisconnect> Disconnected => new TaskCompletionSource<BleDisconnect>().Task;

        public Task<IBleCharacteristic> GetCharacteristicAsync(Guid service, Guid characteristic, CancellationToken cancellationToken) =>
            Task.FromResult<IBleCharacteristic>(new Characteristic(this, characteristic));

        public Task DisconnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class Characteristic(FakeConnection connection, Guid uuid) : IBleCharacteristic
        {
            public Guid Uuid => uuid;

            public Task<byte[]> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(new byte[] { 64 });

            public Task WriteAsync(byte[] value, CancellationToken cancellationToken)
            {
                connection.Writes.Add(value);
                connection._handlers[GattUuids.PolarPmdControlPoint](new GattNotification(DateTimeOffset.UnixEpoch, GattUuids.PolarPmdControlPoint, new byte[] { 0xF0, value[0], value[1], connection.Status }));
                return Task.CompletedTask;
            }

            public Task<IAsyncDisposable> SubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
            {
                connection._handlers[uuid] = onNotification;
                return Task.FromResult<IAsyncDisposable>(new Unsubscribe(connection, uuid));
            }
        }

        private sealed class Unsubscribe(FakeConnection connection, Guid uuid) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                connection._handlers.Remove(uuid);
                return ValueTask.CompletedTask;
            }
        }
    }
}
