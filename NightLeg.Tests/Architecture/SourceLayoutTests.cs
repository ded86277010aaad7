using System.Text.RegularExpressions;
using NightLeg.Sync.Devices;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Architecture;

/// <summary>
/// How the source is laid out (issue 22). "A device is one folder and one registration": outside its folder under NightLeg.Sync/Devices/
/// (and the registry that lists it), nothing in the app names a family's namespace, a vendor's UUID
/// or its byte layout — the pipeline, decode, the simulator, replay, the Devices page and the phone's
/// Bluetooth page learn every device from <see cref="DeviceFamilies"/>. And no file is too long to read whole.
/// </summary>
public sealed partial class SourceLayoutTests
{
    [Fact]
    public void OnlyAFamilysFolder_NamesItsNamespaceOrVendorUuids()
    {
        var devices = RepositoryRoot.Combine("NightLeg.Sync", "Devices");
        var familyFolders = Directory.GetDirectories(devices).Select(Path.GetFileName).Where(f => f is not "Clients").ToList();
        Assert.Contains("Polar", familyFolders);

        var offenders = Sources()
            .Where(path => !IsInside(path, devices, familyFolders!) && Path.GetFileName(path) is not ("DeviceFamilies.cs" or "GattUuids.cs"))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(x => familyFolders.Any(f => x.line.Contains($"NightLeg.Sync.Devices.{f};", StringComparison.Ordinal) || x.line.Contains($"NightLeg.Sync.Devices.{f}.", StringComparison.Ordinal))
                || VendorUuid().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryRoot.Path, x.path)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ThePhonesBluetoothPage_HasNoServiceOfItsOwn()
    {
        var relay = File.ReadAllText(RepositoryRoot.Combine("NightLeg.Mobile", "wwwroot", "relay.js"));

        Assert.DoesNotMatch(UuidLiteral(), relay);
        Assert.Contains("/relay/services", relay, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSourceFileOfTheApp_IsOver400Lines()
    {
        // Large files are split by concern (partial classes, as LiteDB does), so each can be read whole.
        var large = Sources()
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Combine("NightLeg.Domain"), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path => (path, lines: File.ReadLines(path).Count()))
            .Where(x => x.lines > 400)
            .Select(x => $"{Path.GetRelativePath(RepositoryRoot.Path, x.path)}: {x.lines} lines")
            .ToList();

        Assert.Empty(large);
    }

    private static IEnumerable<string> Sources() =>
        new[] { "NightLeg.Sync", "NightLeg.Mobile" }
            .SelectMany(project => Directory.EnumerateFiles(RepositoryRoot.Combine(project), "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static bool IsInside(string path, string devices, IEnumerable<string> families) =>
        families.Any(f => path.StartsWith(Path.Combine(devices, f) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    /// <summary>A vendor's UUID by name (Polar's PMD, InfiniTime's motion) or as a literal.</summary>
    [GeneratedRegex(@"GattUuids\.(Polar|InfiniTime)|fb005c80|00030000-78fc", RegexOptions.IgnoreCase)]
    private static partial Regex VendorUuid();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|0x18[0-9a-f]{2}", RegexOptions.IgnoreCase)]
    private static partial Regex UuidLiteral();
}
