using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Architecture;

/// <summary>The dependency rules of ../shared/ARCHITECTURE.md, checked on the projects and the built assemblies.</summary>
public sealed partial class ProjectReferenceTests
{
    /// <summary>Assembly name prefixes that bring I/O, hosting, storage, UI or BLE.</summary>
    private static readonly string[] ForbiddenInDomain =
    [
        "NightLeg.Sync", "nightleg", "NightLeg.Mobile", "LiteDB", "Tmds.DBus", "CommunityToolkit",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging",
        "Microsoft.AspNetCore", "System.CommandLine", "System.Net", "System.IO.FileSystem", "System.Console",
        "System.Data", "Microsoft.Data",
    ];

    /// <summary>Packages the Domain may use: pure computation, no I/O.</summary>
    private static readonly string[] PureInDomain = ["MathNet.Numerics"];

    [Fact]
    public void DomainProject_ReferencesOnlyPureComputationPackages()
    {
        var project = XDocument.Load(RepositoryRoot.Combine("NightLeg.Domain", "NightLeg.Domain.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => e.Attribute("Include")?.Value)
            .ToList();

        Assert.All(references, r => Assert.Contains(r, PureInDomain));
    }

    [Fact]
    public void DomainAssembly_ReferencesNothingWithIo()
    {
        var referenced = typeof(NightLeg.Domain.AssemblyMarker).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var forbidden = referenced.Where(name => ForbiddenInDomain.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void DomainSource_ReadsNoClockAndTouchesNoFilesConsoleOrNetwork()
    {
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Combine("NightLeg.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(x => ForbiddenApi().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.path)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void SyncProjectAndAssembly_DoNotReferenceMobile()
    {
        var project = XDocument.Load(RepositoryRoot.Combine("NightLeg.Sync", "NightLeg.Sync.csproj"));
        var projectReferences = project.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => e.Attribute("Include")!.Value).ToList();
        var assemblyReferences = typeof(NightLeg.Sync.AssemblyMarker).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(projectReferences, r => r.Contains("NightLeg.Mobile", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(assemblyReferences, r => r.Equals("nightleg", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(assemblyReferences, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void MobileAssembly_IsTheNightlegExecutable()
    {
        var assembly = typeof(NightLeg.Mobile.Cli.NightLegCommandLine).Assembly;

        Assert.Equal("nightleg", assembly.GetName().Name);
        Assert.NotNull(assembly.EntryPoint);
    }

    [Fact]
    public void Repository_HasOneClassicSolutionFile()
    {
        Assert.True(File.Exists(RepositoryRoot.Combine("NightLeg.sln")));
        Assert.Empty(Directory.GetFiles(RepositoryRoot.Path, "*.slnx"));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|\bSystem\.IO\b|\bFile\.|\bConsole\.|\bSystem\.Net\b|\bEnvironment\.TickCount|\bStopwatch\b")]
    private static partial Regex ForbiddenApi();
}
