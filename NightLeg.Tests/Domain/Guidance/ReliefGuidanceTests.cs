using NightLeg.Domain.Guidance;
using NightLeg.Mobile.Localization;

namespace NightLeg.Tests.Domain.Guidance;

public sealed class ReliefGuidanceTests
{
    private static readonly Strings English = new(Language.English);
    private static readonly Strings Bokmal = new(Language.NorwegianBokmal);

    [Fact]
    public void Steps_StartWithStretchThenShin_AndEveryStepHasBothLanguagesAndASource()
    {
        var steps = ReliefGuidance.Steps;

        Assert.Equal(["stretch", "shin", "heat", "pickle-juice"], steps.Select(s => s.Id));
        Assert.All(steps, s =>
        {
            // A missing key shows as the key itself.
            Assert.DoesNotContain("guidance.", English.Title(s), StringComparison.Ordinal);
            Assert.DoesNotContain("guidance.", Bokmal.Title(s), StringComparison.Ordinal);
            Assert.NotEqual(English.Instruction(s), Bokmal.Instruction(s));
            Assert.DoesNotContain("guidance.", Bokmal.Instruction(s), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(s.Source));
            Assert.True(English.Title(s).Length <= 24, $"title too long for a phone button: {English.Title(s)}");
            Assert.True(Bokmal.Title(s).Length <= 24, $"title too long for a phone button: {Bokmal.Title(s)}");
        });
    }

    [Fact]
    public void Stretch_HasAThirtySecondTimer()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), ReliefGuidance.Stretch.Timer);
    }

    [Fact]
    public void Heat_SaysNotIce()
    {
        Assert.Contains("ice", English.Title(ReliefGuidance.Heat), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("is", Bokmal.Title(ReliefGuidance.Heat));
    }

    [Fact]
    public void SeeADoctor_NamesTheWarningSigns()
    {
        var text = English["guidance.seeADoctor"];

        Assert.Contains("swells", text);
        Assert.Contains("several nights a week", text);
        Assert.Contains("lege", Bokmal["guidance.seeADoctor"]);
    }

    [Fact]
    public void Find_KnownAndUnknownIds()
    {
        Assert.Same(ReliefGuidance.Shin, ReliefGuidance.Find("shin"));
        Assert.Null(ReliefGuidance.Find("ice"));
        Assert.Equal("Lift your toes", English.Helped("shin"));
        Assert.Equal("ice", English.Helped("ice"));
    }
}
