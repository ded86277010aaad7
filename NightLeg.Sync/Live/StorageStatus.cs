namespace NightLeg.Sync.Live;

/// <summary>Storing fails while recording goes on. Immutable.</summary>
/// <param name="Problem">Why, in one sentence naming the file.</param>
/// <param name="DiskFull">True when the disk is full (the user can fix that by freeing space).</param>
/// <param name="Since">When it started failing.</param>
/// <param name="SecondsWaiting">Seconds kept in memory until storing works again.</param>
/// <param name="SecondsDropped">Seconds lost because it failed for longer than memory keeps.</param>
public sealed record StorageStatus(string Problem, bool DiskFull, DateTimeOffset Since, int SecondsWaiting, long SecondsDropped);
