using System.Text.RegularExpressions;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Architecture;

/// <summary>
/// The tests keep off real time (issue 22): what a fake clock can drive, it drives. Real time is left to what
/// runs outside this process — nightleg, Chromium, a dbus-daemon, mosquitto — and only those tests run alone.
/// </summary>
public sealed partial class TestClockTests
{
    /// <summary>What a test that needs real time starts: another process.</summary>
    private static readonly string[] RealProcesses = ["NightLegProcess", "BrowserSession", "Chromium", "PrivateDbusDaemon", "Mosquitto", "ProcessStartInfo"];

    [Fact]
    public void TheRealTimeCollection_HoldsOnlyTestsThatRunAnotherProcess()
    {
        var inProcess = TestSources()
            .Where(path => File.ReadAllText(path).Contains("[Collection(RealTimeCollection.Name)]", StringComparison.Ordinal)
                || File.ReadAllText(path).Contains("[Collection(NightLeg.Tests.Support.RealTimeCollection.Name)]", StringComparison.Ordinal))
            .Where(path => !RealProcesses.Any(File.ReadAllText(path).Contains))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path))
            .ToList();

        Assert.Empty(inProcess);
    }

    [Fact]
    public void RealDelaysInTests_AreAtMostFive_EachSayingWhy()
    {
        var delays = TestSources()
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(x => RealDelay().IsMatch(x.line))
            .ToList();

        Assert.InRange(delays.Count, 1, 5);
        var unexplained = delays
            .Where(d => !File.ReadLines(d.path).Skip(Math.Max(0, d.number - 4)).Take(4).Any(line => line.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            .Select(d => $"{Path.GetRelativePath(RepositoryRoot.Path, d.path)}:{d.number}: {d.line.Trim()}")
            .ToList();
        Assert.Empty(unexplained);
    }

    private static IEnumerable<string> TestSources() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("NightLeg.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(path => !path.EndsWith("TestClockTests.cs", StringComparison.Ordinal));

    /// <summary>A wait on the real clock: <c>Task.Delay</c> without a <see cref="TimeProvider"/>, or <c>Thread.Sleep</c>.</summary>
    [GeneratedRegex(@"Task\.Delay\((?![^;]*(time|Time|_clock))[^;]*\)|Thread\.Sleep\(")]
    private static partial Regex RealDelay();
}
