using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Insights;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary><c>nightleg insights [--db PATH] [--json]</c>: what goes with the cramp nights, as a table or JSON.</summary>
public static class InsightsCommand
{
    public static Command Create(TimeProvider time)
    {
        var db = DatabaseOption.Create("The database (default: the one `nightleg serve` uses). Read only.");
        var json = new Option<bool>("--json") { Description = "Print JSON: nights, crampNights, factors[] (factor, counts with and without, the interval, verdict)." };
        var command = new Command("insights", "What goes with your cramp nights: each factor's cramp-night rate with and without it, and whether it holds up.") { db, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            InsightReport report;
            NightLegDatabase database;
            try
            {
                database = NightLegDatabase.OpenReadOnly(DatabaseOption.OptionsOf(parse, db), time);
            }
            catch (StorageException e) when (e.Problem == StorageProblem.InUse)
            {
                throw new CliFailure($"{e.Message} While it runs, the app's History shows the same.", 1, e);
            }

            using (database)
            {
                await using var services = CommandServices.Over(database, time);
                report = services.GetRequiredService<InsightsService>().Analyze(DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1));
            }

            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(parse.GetValue(json) ? Json(report) : Table(report));
            return 0;
        });
        return command;
    }

    /// <summary>The JSON form (documented in docs/export-format.md).</summary>
    public static string Json(InsightReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("nights", report.Nights);
            json.WriteNumber("crampNights", report.CrampNights);
            json.WriteNumber("falseDiscoveryRate", report.FalseDiscoveryRate);
            json.WriteNumber("minimumNightsEachSide", report.MinimumNightsEachSide);
            json.WriteStartArray("factors");
            foreach (var f in report.Factors)
            {
                json.WriteStartObject();
                json.WriteString("factor", f.Factor);
                json.WriteBoolean("measured", Factors.IsMeasured(f.Factor));
                json.WriteStartObject("with");
                json.WriteNumber("nights", f.WithNights);
                json.WriteNumber("crampNights", f.WithCrampNights);
                json.WriteEndObject();
                json.WriteStartObject("without");
                json.WriteNumber("nights", f.WithoutNights);
                json.WriteNumber("crampNights", f.WithoutCrampNights);
                json.WriteEndObject();
                json.WriteNumber("difference", Math.Round(f.Difference, 4));
                json.WriteStartArray("interval95");
                json.WriteNumberValue(Math.Round(f.Low, 4));
                json.WriteNumberValue(Math.Round(f.High, 4));
                json.WriteEndArray();
                json.WriteNumber("p", Math.Round(f.PValue, 5));
                json.WriteNumber("q", Math.Round(f.QValue, 5));
                json.WriteString("verdict", Verdict(f.Verdict));
                if (f.Verdict == InsightVerdict.NotEnoughNights)
                {
                    json.WriteStartObject("nightsNeeded");
                    json.WriteNumber("with", f.MoreNightsWith);
                    json.WriteNumber("without", f.MoreNightsWithout);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The verdict as the JSON spells it.</summary>
    public static string Verdict(InsightVerdict verdict) => verdict switch
    {
        InsightVerdict.MoreCramps => "more-cramps",
        InsightVerdict.FewerCramps => "fewer-cramps",
        InsightVerdict.NoClearDifference => "no-clear-difference",
        _ => "not-enough-nights",
    };

    private static string Table(InsightReport report)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{report.CrampNights} cramp nights of {report.Nights}. A factor is judged after {report.MinimumNightsEachSide} nights with and without it; false discoveries controlled at {report.FalseDiscoveryRate:0%} (Benjamini–Hochberg). Together is not cause."),
            string.Empty,
            $"{"factor",-22} {"with",-12} {"without",-12} {"difference (95 %)",-24} verdict",
        };
        foreach (var f in report.Factors)
        {
            var with = $"{f.WithCrampNights}/{f.WithNights}";
            var without = $"{f.WithoutCrampNights}/{f.WithoutNights}";
            var difference = f.Verdict == InsightVerdict.NotEnoughNights
                ? "–"
                : string.Format(CultureInfo.InvariantCulture, "{0:+0;-0;0} ({1:+0;-0;0} to {2:+0;-0;0})", f.Difference * 100, f.Low * 100, f.High * 100);
            var verdict = f.Verdict == InsightVerdict.NotEnoughNights
                ? $"not enough nights (about {f.MoreNightsWith} more with, {f.MoreNightsWithout} without)"
                : Verdict(f.Verdict);
            lines.Add($"{f.Factor,-22} {with,-12} {without,-12} {difference,-24} {verdict}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
