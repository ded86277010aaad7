namespace NightLeg.Domain.Storage;

/// <summary>The wearable the user paired. Immutable.</summary>
/// <param name="Id">Transport id (a Bluetooth address, or <c>demo</c>).</param>
/// <param name="Name">The name it advertises.</param>
/// <param name="Kind">What it is.</param>
/// <param name="PairedAt">UTC instant it was paired.</param>
public sealed record PairedDevice(string Id, string Name, DeviceKind Kind, DateTimeOffset PairedAt);
