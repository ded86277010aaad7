namespace NightLeg.Sync.Ble;

/// <summary>A device seen in a scan. Immutable.</summary>
/// <param name="DeviceId">Transport id (a Bluetooth address, or <c>demo</c>).</param>
/// <param name="Name">Advertised name, if any.</param>
/// <param name="Rssi">Signal strength in dBm, if known.</param>
/// <param name="Services">Advertised service UUIDs.</param>
public sealed record BleAdvertisement(string DeviceId, string? Name, int? Rssi, IReadOnlyList<Guid> Services);
