using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync;

/// <summary>How <c>AddNightLegSync</c> wires the sync side. Immutable.</summary>
/// <param name="Database">The open database (opened before the host, so a second NightLeg is refused at once).</param>
/// <param name="TimeZoneId">The user's IANA time zone.</param>
/// <param name="Sync">Service options.</param>
/// <param name="Demo">How the demo wearable plays when it is the paired device.</param>
/// <param name="RecordPath">Also write the live notification stream to this capture file.</param>
public sealed record NightLegSyncSettings(NightLegDatabase Database, string TimeZoneId, SyncOptions Sync, DemoSettings Demo, string? RecordPath);
