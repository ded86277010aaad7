using System.Text.Json;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

/// <summary><c>nightleg insights</c> on two months of a real database finds the factor planted in it. (Issue 13.)</summary>
public sealed class InsightsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-insights-").FullName;

    [Fact]
    public async Task Insights_Json_FindsTheHardRuns_WithCountsIntervalAndVerdict()
    {
        // Arrange
        var db = Path.Combine(_dir, "n.db");
        using (var database = NightLegDatabase.Open(new DatabaseOptions(db), TimeProvider.System))
        {
            NightLeg.Sync.Simulation.SampleHistory.Seed(database, new DateOnly(2026, 11, 25));
        }

        // Act
        var (code, stdout, stderr) = await CliRunner.RunAsync("insights", "--db", db, "--json");
        var table = await CliRunner.RunAsync("insights", "--db", db);

        // Assert
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(60, root.GetProperty("nights").GetInt32());
        var factors = root.GetProperty("factors").EnumerateArray().ToList();
        var first = factors[0];
        Assert.Equal("hardRun", first.GetProperty("factor").GetString());
        Assert.Equal("more-cramps", first.GetProperty("verdict").GetString());
        Assert.True(first.GetProperty("interval95")[0].GetDouble() > 0);
        Assert.True(first.GetProperty("with").GetProperty("nights").GetInt32() + first.GetProperty("without").GetProperty("nights").GetInt32() <= 60);
        Assert.Contains(factors, f => f.GetProperty("factor").GetString() == "onStomach" && f.GetProperty("measured").GetBoolean());
        Assert.All(factors, f => Assert.Contains(f.GetProperty("verdict").GetString(), new[] { "more-cramps", "fewer-cramps", "no-clear-difference", "not-enough-nights" }));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("hardRun", table.Stdout);
        Assert.Contains("Together is not cause", table.Stdout);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
