namespace NightLeg.Sync.Ble;

/// <summary>How a connection ended. Immutable.</summary>
/// <param name="Intended">True when we disconnected on purpose; false for a lost link.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record BleDisconnect(bool Intended, string Reason);
