using System.Text.RegularExpressions;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Architecture;

/// <summary>
/// NightLeg.Sync is one folder per part of a concern, and each may use only the parts below it
/// (docs/architecture.md, "Inside NightLeg.Sync"): storage and files know nothing of Bluetooth; the radio
/// and the devices know nothing of storage or the night; recording sits on both; integrations on recording;
/// simulation plays a wearable to the radio. A new `using` across a line this table does not allow fails here.
/// </summary>
public sealed partial class SyncConcernTests
{
    /// <summary>Each folder (a sub-folder where it belongs to another concern) and the folders its code may name.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // Storage and export.
        ["Storage"] = [],
        ["Files"] = ["Storage"],
        ["Export"] = ["Storage", "Files"],

        // The radio and the devices.
        ["Gatt"] = [],
        ["Ble"] = ["Gatt"],
        ["Capture"] = ["Ble"],
        ["Devices"] = ["Ble", "Gatt", "Simulation"], // a family owns its simulated stream
        ["Pipeline"] = ["Ble", "Devices", "Gatt"],

        // Simulation: a wearable played to the radio (and the sample history a new user can look at).
        ["Simulation"] = ["Ble", "Capture", "Gatt", "Storage"],
        ["Ble/Simulated"] = ["Ble", "Gatt", "Simulation", "Devices"],

        // Recording a night, live or replayed.
        ["Recording"] = ["Storage"],
        ["Replay"] = ["Ble", "Capture", "Devices", "Gatt", "Pipeline", "Recording"],
        ["Live"] = ["Ble", "Capture", "Devices", "Gatt", "Pipeline", "Recording", "Storage"],

        // The self-hosted house.
        ["Integrations"] = ["Live", "Storage"],
    };

    [Fact]
    public void EveryFolderOfSync_UsesOnlyTheFoldersBelowIt()
    {
        var root = RepositoryRoot.Combine("NightLeg.Sync");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(IsSource))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.Contains('/'))
            {
                continue; // the composition (NightLegSyncServiceCollectionExtensions) and settings at the top may use every part
            }

            var folder = FolderOf(relative);
            Assert.True(Allowed.ContainsKey(folder), $"{relative}: the folder {folder} is not in the table of SyncConcernTests — say what it may use");
            var own = folder.Split('/')[0];
            foreach (var used in SyncNamespace().Matches(File.ReadAllText(file)).Select(m => m.Groups["part"].Value).Distinct())
            {
                if (used != own && !Allowed[folder].Contains(used) && !(folder.Contains('/') && used == own))
                {
                    offenders.Add($"{relative} uses {used}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheTable_CoversEveryFolder_AndNamesOnlyFoldersThatExist()
    {
        var root = RepositoryRoot.Combine("NightLeg.Sync");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToHashSet();

        var missing = folders.Where(f => !Allowed.ContainsKey(f!)).ToList();
        var unknown = Allowed.Values.SelectMany(v => v).Where(f => !folders.Contains(f)).ToList();

        Assert.Empty(missing);
        Assert.Empty(unknown);
    }

    private static string FolderOf(string relative)
    {
        var parts = relative.Split('/');
        var two = parts.Length > 2 ? $"{parts[0]}/{parts[1]}" : null;
        return two is not null && Allowed.ContainsKey(two) ? two : parts[0];
    }

    private static bool IsSource(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
        !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"NightLeg\.Sync\.(?<part>[A-Z][A-Za-z]+)")]
    private static partial Regex SyncNamespace();
}
