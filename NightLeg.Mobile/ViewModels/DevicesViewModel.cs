using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.Services;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Live;

namespace NightLeg.Mobile.ViewModels;

/// <summary>Devices: search for wearables, pair one, forget it; the demo wearable is always offered. UI-neutral.</summary>
public sealed partial class DevicesViewModel(IBleAdapter adapter, IDeviceRepository devices, DeviceFamilies families, ILiveNight live, TimeProvider time) : ObservableObject
{
    private static readonly TimeSpan ScanDuration = TimeSpan.FromSeconds(5);

    /// <summary>The demo wearable, offered whatever the hardware.</summary>
    public static readonly BleAdvertisement Demo = new(SimulatedWearableAdapter.DeviceId, "NightLeg demo wearable", null,
        DeviceFamilies.Default.Simulate(DemoFamily).Services);

    /// <summary>The family the demo wearable imitates.</summary>
    private const string DemoFamily = "polar-h10";

    [ObservableProperty]
    public partial BleAdapterState? AdapterState { get; set; }

    [ObservableProperty]
    public partial IReadOnlyList<BleAdvertisement> Found { get; set; } = [Demo];

    [ObservableProperty]
    public partial PairedDevice? Paired { get; set; }

    [ObservableProperty]
    public partial bool Scanning { get; set; }

    /// <summary>Why the paired wearable's movement is not recorded on this connection; null when it is (or not connected).</summary>
    public NightLeg.Sync.Devices.MovementProblem? MovementUnavailable => live.Status.Movement?.Unavailable;

    /// <summary>What the paired wearable streams on this connection ("ACC 25 Hz, ±2 G, 16 bit"); null when nothing.</summary>
    public string? MovementStream => live.Status.Movement?.Stream;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Paired = devices.GetPaired();
        AdapterState = await adapter.GetStateAsync(cancellationToken);
    }

    /// <summary>The family a found device belongs to (the demo is a simulated Polar H10); null when none recognises it.</summary>
    public DeviceFamily? FamilyOf(BleAdvertisement device) =>
        device.DeviceId == Demo.DeviceId ? families.Get(DemoFamily) : families.Recognise(device.Name, device.Services);

    /// <summary>What a device offers: its family's capabilities, the battery when it advertises the service.</summary>
    public (bool HeartRate, bool Motion, bool Battery) Offers(BleAdvertisement device) =>
        FamilyOf(device)?.Capabilities is { } c
            ? (c.HeartRate, c.Movement, c.Battery && device.Services.Contains(GattUuids.BatteryService))
            : (device.Services.Contains(GattUuids.HeartRateService), false, device.Services.Contains(GattUuids.BatteryService));

    [RelayCommand]
    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        Scanning = true;
        try
        {
            AdapterState = await adapter.GetStateAsync(cancellationToken);
            var found = AdapterState == BleAdapterState.Ready
                ? await adapter.ScanAsync(families.ScanServices, ScanDuration, cancellationToken)
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
        var family = FamilyOf(device)?.Id ?? "heart-rate";
        var paired = new PairedDevice(device.DeviceId, device.Name ?? device.DeviceId, family, time.GetUtcNow(), device.DeviceId == Demo.DeviceId);
        devices.SavePaired(paired);
        Paired = paired;
    }

    [RelayCommand]
    private async Task ForgetAsync(CancellationToken cancellationToken)
    {
        var forgotten = devices.GetPaired();
        devices.Forget();
        Paired = null;
        if (forgotten is not null && !forgotten.IsDemo)
        {
            try
            {
                // Stop the Bluetooth stack reconnecting it by itself.
                await adapter.ForgetAsync(forgotten.Id, cancellationToken);
            }
            catch (BleException)
            {
                // NightLeg has forgotten it either way; the stack may keep it, unused.
            }
        }
    }
}
