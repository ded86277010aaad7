namespace NightLeg.Sync.Export;

/// <summary>What an import did.</summary>
public sealed class ImportResult
{
    /// <summary>Recorded nights added.</summary>
    public int Nights { get; set; }

    /// <summary>Seconds added.</summary>
    public long Seconds { get; set; }

    /// <summary>Events added.</summary>
    public int Events { get; set; }

    /// <summary>Nights that were there already, the same.</summary>
    public int AlreadyThere { get; set; }

    /// <summary>What was there already and differs (the stored one kept), one line each.</summary>
    public List<string> Conflicts { get; } = [];
}
