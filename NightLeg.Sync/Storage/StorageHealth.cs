namespace NightLeg.Sync.Storage;

/// <summary>Whether the database is taking writes. Immutable.</summary>
/// <param name="Problem">Why writing fails, in words for the user; null when writing works.</param>
/// <param name="Since">When writing first failed.</param>
/// <param name="DiskFull">True when writing fails because the disk is full.</param>
public sealed record StorageHealth(string? Problem, DateTimeOffset? Since, bool DiskFull = false)
{
    /// <summary>Writing works.</summary>
    public static StorageHealth Ok { get; } = new(null, null);

    /// <summary>True when writing works.</summary>
    public bool IsOk => Problem is null;
}
