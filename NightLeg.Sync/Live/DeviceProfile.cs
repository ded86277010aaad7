using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Polar;

namespace NightLeg.Sync.Live;

/// <summary>
/// What a device is and how to start its streams (Gadgetbridge's "coordinator"): a generic heart-rate
/// device (any 0x180D), InfiniTime (heart rate + motion service), Polar H10/Verity Sense (heart rate +
/// PMD ACC, started with the control-point command and its response checked). Battery where offered.
/// </summary>
public sealed class DeviceProfile
{
    private static readonly TimeSpan PmdResponseTimeout = TimeSpan.FromSeconds(5);

    private DeviceProfile(DeviceKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    /// <summary>The kind of device.</summary>
    public DeviceKind Kind { get; }

    /// <summary>What it measures, in words.</summary>
    public string Description { get; }

    /// <summary>The profile for a device offering <paramref name="services"/>; null when it has no heart-rate service.</summary>
    public static DeviceProfile? For(IReadOnlyList<Guid> services)
    {
        if (!services.Contains(GattUuids.HeartRateService))
        {
            return null;
        }

        if (services.Contains(GattUuids.PolarPmdService))
        {
            return new DeviceProfile(DeviceKind.Polar, "heart rate, RR intervals and movement (Polar)");
        }

        return services.Contains(GattUuids.InfiniTimeMotionService)
            ? new DeviceProfile(DeviceKind.InfiniTime, "heart rate and movement (InfiniTime)")
            : new DeviceProfile(DeviceKind.GenericHeartRate, "heart rate");
    }

    /// <summary>
    /// Subscribes to every stream this device offers and starts them; returns the subscriptions to
    /// dispose and the battery level read at connection (null when not offered or not readable).
    /// </summary>
    public async Task<(IReadOnlyList<IAsyncDisposable> Subscriptions, int? BatteryPercent)> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        var subscriptions = new List<IAsyncDisposable>();
        int? batteryPercent = null;
        try
        {
            await Subscribe(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement);
            if (connection.Services.Contains(GattUuids.BatteryService))
            {
                var battery = await connection.GetCharacteristicAsync(GattUuids.BatteryService, GattUuids.BatteryLevel, cancellationToken);
                var level = Gatt.Battery.BatteryLevelDecoder.Decode(await battery.ReadAsync(cancellationToken));
                batteryPercent = level.IsSuccess ? level.Value : null;
                subscriptions.Add(await battery.SubscribeAsync(onNotification, cancellationToken));
            }

            if (Kind == DeviceKind.InfiniTime)
            {
                await Subscribe(GattUuids.InfiniTimeMotionService, GattUuids.InfiniTimeRawXyz);
            }
            else if (Kind == DeviceKind.Polar)
            {
                await StartPolarAccAsync();
            }

            return (subscriptions, batteryPercent);
        }
        catch
        {
            foreach (var s in subscriptions)
            {
                await s.DisposeAsync();
            }

            throw;
        }

        async Task Subscribe(Guid service, Guid characteristic)
        {
            var c = await connection.GetCharacteristicAsync(service, characteristic, cancellationToken);
            subscriptions.Add(await c.SubscribeAsync(onNotification, cancellationToken));
        }

        async Task StartPolarAccAsync()
        {
            var response = new TaskCompletionSource<PmdControlPointResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            var controlPoint = await connection.GetCharacteristicAsync(GattUuids.PolarPmdService, GattUuids.PolarPmdControlPoint, cancellationToken);
            subscriptions.Add(await controlPoint.SubscribeAsync(n =>
            {
                if (PmdControlPointResponseDecoder.Decode(n.Payload.Span) is { IsSuccess: true } decoded && decoded.Value.Opcode == PmdCommands.StartOpcode)
                {
                    response.TrySetResult(decoded.Value);
                }

                onNotification(n); // the pipeline reads FACTOR from it
            }, cancellationToken));
            await Subscribe(GattUuids.PolarPmdService, GattUuids.PolarPmdData);
            await controlPoint.WriteAsync(PmdCommands.StartAcc(), cancellationToken);
            var answer = await response.Task.WaitAsync(PmdResponseTimeout, cancellationToken);
            if (!answer.Succeeded)
            {
                throw new BleException(BleErrorKind.Failed, $"the Polar sensor refused to start ACC: {answer.StatusText}");
            }
        }
    }
}
