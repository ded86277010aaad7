using NightLeg.Domain.Guidance;

namespace NightLeg.Tests.Domain.Guidance;

public sealed class ReliefGuidanceTests
{
    [Fact]
    public void Steps_StartWithStretchThenShin_AndEveryStepHasBothLanguagesAndASource()
    {
        var steps = ReliefGuidance.Steps;

        Assert.Equal(["stretch", "shin", "heat", "pickle-juice"], steps.Select(s => s.Id));
        Assert.All(steps, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Title.English));
            Assert.False(string.IsNullOrWhiteSpace(s.Title.NorwegianBokmal));
            Assert.NotEqual(s.Instruction.English, s.Instruction.NorwegianBokmal);
            Assert.False(string.IsNullOrWhiteSpace(s.Source));
            Assert.True(s.Title.English.Length <= 24, $"title too long for a phone button: {s.Title.English}");
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
        Assert.Contains("ice", ReliefGuidance.Heat.Title.English, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("is", ReliefGuidance.Heat.Title.In(Language.NorwegianBokmal));
    }

    [Fact]
    public void SeeADoctor_NamesTheWarningSigns()
    {
        var text = ReliefGuidance.SeeADoctor.In(Language.English);

        Assert.Contains("swells", text);
        Assert.Contains("several nights a week", text);
        Assert.Contains("lege", ReliefGuidance.SeeADoctor.In(Language.NorwegianBokmal));
    }

    [Fact]
    public void Find_KnownAndUnknownIds()
    {
        Assert.Same(ReliefGuidance.Shin, ReliefGuidance.Find("shin"));
        Assert.Null(ReliefGuidance.Find("ice"));
    }
}
