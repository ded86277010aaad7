using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Live;

namespace NightLeg.Mobile.ViewModels;

/// <summary>Devices: search for wearables, pair one, forget it; the demo wearable is always offered. UI-neutral.</summary>
public sealed partial class DevicesViewModel(IBleAdapter adapter, IDeviceRepository devices, TimeProvider time) : ObservableObject
{
    private static readonly TimeSpan ScanDuration = TimeSpan.FromSeconds(5);

    /// <summary>The demo wearable, offered whatever the hardware.</summary>
    public static readonly BleAdvertisement Demo = new(SimulatedWearableAdapter.DeviceId, "NightLeg demo wearable", null,
        [GattUuids.HeartRateService, GattUuids.BatteryService, GattUuids.PolarPmdService]);

    [ObservableProperty]
    public partial BleAdapterState? AdapterState { get; set; }

    [ObservableProperty]
    public partial IReadOnlyList<BleAdvertisement> Found { get; set; } = [Demo];

    [ObservableProperty]
    public partial PairedDevice? Paired { get; set; }

    [ObservableProperty]
    public partial bool Scanning { get; set; }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Paired = devices.GetPaired();
        AdapterState = await adapter.GetStateAsync(cancellationToken);
    }

    /// <summary>What a device offers, from its services.</summary>
    public static (bool HeartRate, bool Motion, bool Battery) Offers(BleAdvertisement device) =>
        (device.Services.Contains(GattUuids.HeartRateService),
         device.Services.Contains(GattUuids.PolarPmdService) || device.Services.Contains(GattUuids.InfiniTimeMotionService),
         device.Services.Contains(GattUuids.BatteryService));

    [RelayCommand]
    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        Scanning = true;
        try
        {
            AdapterState = await adapter.GetStateAsync(cancellationToken);
            var found = AdapterState == BleAdapterState.Ready
                ? await adapter.ScanAsync([GattUuids.HeartRateService], ScanDuration, cancellationToken)
                : [];
            Found = [.. found.Where(f => f.DeviceId != Demo.DeviceId).OrderByDescending(f => f.Rssi ?? int.MinValue), Demo];
        }
        catch (BleException)
        {
            AdapterState = BleAdapterState.Unavailable;
            Found = [Demo];
        }
        finally
        {
            Scanning = false;
        }
    }

    [RelayCommand]
    private void Pair(BleAdvertisement device)
    {
        var kind = device.DeviceId == Demo.DeviceId ? DeviceKind.Demo : DeviceProfile.For(device.Services)?.Kind ?? DeviceKind.GenericHeartRate;
        var paired = new PairedDevice(device.DeviceId, device.Name ?? device.DeviceId, kind, time.GetUtcNow());
        devices.SavePaired(paired);
        Paired = paired;
    }

    [RelayCommand]
    private void Forget()
    {
        devices.Forget();
        Paired = null;
    }
}
