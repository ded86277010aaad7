using Bunit;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Insights;
using NightLeg.Mobile.Components.Shared;
using NightLeg.Mobile.Localization;

namespace NightLeg.Tests.Mobile.Components;

/// <summary>Insights from the first night (issue 20): how far each factor is from a verdict, and the method folded away.</summary>
public sealed class InsightsPanelTests : BunitContext
{
    [Theory]
    [InlineData(Language.English, "Hard or long run (7 more nights with it, 8 without, before NightLeg can tell)", "Cramp nights so far: 1 of 1.")]
    [InlineData(Language.NorwegianBokmal, "(7 netter til med, 8 uten, før NightLeg kan si noe)", "Krampenetter så langt: 1 av 1.")]
    public void AfterOneNight_SaysHowManyMoreNightsEachFactorNeeds(Language language, string needs, string counts)
    {
        // One night, with a hard run and a cramp: nothing can be judged, but the way there can be shown.
        var report = new InsightReport(1, 1,
        [
            new FactorInsight("hardRun", 1, 1, 0, 0, 0, 0, 0, 1, 1, InsightVerdict.NotEnoughNights, 7, 8),
            new FactorInsight("alcohol", 0, 0, 0, 0, 0, 0, 0, 1, 1, InsightVerdict.NotEnoughNights, 8, 8),
        ], 0.1, 8);

        var panel = Render<InsightsPanel>(p => p.Add(x => x.Strings, new Strings(language)).Add(x => x.Report, report).Add(x => x.Helps, []));

        Assert.Contains(counts, panel.Markup);
        var waiting = panel.Find("[data-testid=factor-waiting]").TextContent;
        Assert.Contains(needs, waiting);
        Assert.DoesNotContain(new Strings(language)["factor.alcohol"], waiting); // never answered: nothing to say yet
        Assert.Contains("Fisher", panel.Find("[data-testid=insights-how]").TextContent); // the method, in its fold
    }
}
