using NightLeg.Domain.Detection;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Export;

/// <summary>What an export holds besides its nights, and how many nights it has.</summary>
public sealed class ExportHeader
{
    /// <summary>The user's settings.</summary>
    public UserSettings? Settings { get; set; }

    /// <summary>The paired wearable.</summary>
    public PairedDevice? Device { get; set; }

    /// <summary>What the detector had learned about the sleeper.</summary>
    public SleeperProfile? Sleeper { get; set; }

    /// <summary>What the sleeper's answers had taught.</summary>
    public SleeperLearning? Learning { get; set; }

    /// <summary>Nights in the file.</summary>
    public int Nights { get; set; }
}
