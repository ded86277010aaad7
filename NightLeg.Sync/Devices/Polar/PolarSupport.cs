using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.Clients;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// How every Polar sensor with PMD is started (the H10, the Verity Sense, the OH1 and others): heart
/// rate first; then ask the sensor which ACC settings it offers, start the ones
/// <see cref="PmdAccSettings.ForSleep"/> picks, and check its answer. If ACC cannot be started the
/// heart rate and RR intervals keep recording, and the reason is reported — never the reverse.
/// </summary>
internal static class PolarSupport
{
    public static async Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken)
    {
        var subscriptions = new List<IAsyncDisposable>();
        try
        {
            subscriptions.Add(await new HeartRateClient(connection).SubscribeAsync(onNotification, cancellationToken));
            var battery = await CommonStreams.BatteryAsync(connection, onNotification, subscriptions, cancellationToken);
            var pmd = new PmdClient(connection, time);
            if (!pmd.Offered)
            {
                return new DeviceStreams(subscriptions, battery, new MovementProblem(MovementProblemKind.NoMeasurementService), null);
            }

            try
            {
                await pmd.SubscribeAsync(onNotification, cancellationToken);
                subscriptions.Add(pmd);
                var offered = await pmd.GetSettingsAsync(PmdMeasurementType.Acc, cancellationToken);
                var chosen = PmdAccSettings.ForSleep(offered);
                if (chosen is null)
                {
                    return new DeviceStreams(subscriptions, battery, new MovementProblem(MovementProblemKind.NoAccelerometerRate), null);
                }

                var answer = await pmd.StartAccAsync(chosen, cancellationToken);
                return answer.Succeeded
                    ? new DeviceStreams(subscriptions, battery, null, $"ACC {chosen}")
                    : new DeviceStreams(subscriptions, battery, new MovementProblem(MovementProblemKind.Refused, $"{chosen} ({answer.StatusText})"), null);
            }
            catch (BleException e) when (e.Kind is not BleErrorKind.NotConnected)
            {
                return new DeviceStreams(subscriptions, battery, new MovementProblem(MovementProblemKind.StartFailed, e.Message), null);
            }
        }
        catch
        {
            await CommonStreams.DisposeAllAsync(subscriptions);
            throw;
        }
    }
}
