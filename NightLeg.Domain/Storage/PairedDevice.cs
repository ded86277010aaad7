namespace NightLeg.Domain.Storage;

/// <summary>The wearable the user paired. Immutable.</summary>
/// <param name="Id">Transport id (a Bluetooth address, or <c>demo</c>).</param>
/// <param name="Name">The name it advertises.</param>
/// <param name="FamilyId">Its device family as recognised when paired (<c>polar-h10</c>, <c>heart-rate</c>, …); recognised again at every connection.</param>
/// <param name="PairedAt">UTC instant it was paired.</param>
/// <param name="IsDemo">The built-in demo wearable that plays a synthetic night.</param>
public sealed record PairedDevice(string Id, string Name, string FamilyId, DateTimeOffset PairedAt, bool IsDemo = false);
