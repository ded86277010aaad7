using NightLeg.Domain.Cramps;

namespace NightLeg.Tests.Domain.Cramps;

public sealed class CrampReportValidatorTests
{
    private static readonly NightLeg.Mobile.Localization.Strings English = new(NightLeg.Domain.Guidance.Language.English);

    [Fact]
    public void Validate_FullValidReport_GivesDetails()
    {
        var report = new CrampReport(Leg.Left, CrampLocation.Calf, 7, 90, ["stretch", "heat"], null, 20, "After the long run");

        var outcome = CrampReportValidator.Validate(report);

        Assert.True(outcome.Succeeded);
        var details = outcome.Value!;
        Assert.Equal(Leg.Left, details.Leg);
        Assert.Equal(CrampLocation.Calf, details.Location);
        Assert.Equal(7, details.Intensity);
        Assert.Equal(TimeSpan.FromSeconds(90), details.Duration);
        Assert.Equal(["stretch", "heat"], details.WhatHelped);
        Assert.Equal(BackToSleep.AfterDuration(TimeSpan.FromMinutes(20)), details.BackToSleep);
        Assert.Equal("After the long run", details.Note);
    }

    [Theory]
    [InlineData("venstre", Leg.Left)]
    [InlineData("høyre", Leg.Right)]
    [InlineData("BEGGE", Leg.Both)]
    [InlineData(" left ", Leg.Left)]
    public void DiaryWords_NorwegianAndEnglishLeg_AreRead(string text, Leg expected)
    {
        // Words are read at the import, not by the domain.
        Assert.Equal(expected, NightLeg.Sync.Export.DiaryWords.Leg(text));
        Assert.Null(NightLeg.Sync.Export.DiaryWords.Leg("arm"));
    }

    [Fact]
    public void Validate_IntensityEleven_IsRefusedWithAMessage()
    {
        var outcome = CrampReportValidator.Validate(new CrampReport(Intensity: 11));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("intensity.range", error.Code);
        Assert.Equal([11], error.Args);
        Assert.Contains("from 0 (no pain) to 10", English.Error(error));
        Assert.Contains("11", English.Error(error));
    }

    [Fact]
    public void Validate_ThreeHourCramp_IsRefusedAsTooLong()
    {
        var outcome = CrampReportValidator.Validate(new CrampReport(DurationSeconds: 3 * 3600));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("duration.tooLong", error.Code);
        Assert.Equal([180.0, 30.0], error.Args);
        Assert.Contains("180 minutes is too long", English.Error(error));
    }

    [Fact]
    public void Validate_LegThatIsNoneOfTheThree_IsRefusedNamingIt()
    {
        var outcome = CrampReportValidator.Validate(new CrampReport(Leg: (Leg)7));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("leg.unknown", error.Code);
        Assert.Equal(["7"], error.Args);
        Assert.Contains("\"7\" is not a leg. Choose left, right or both.", English.Error(error));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsThemAll()
    {
        var outcome = CrampReportValidator.Validate(new CrampReport((Leg)7, (CrampLocation)9, -1, 0, null, null, -5));

        Assert.Equal(["leg.unknown", "location.unknown", "intensity.range", "duration.positive", "backToSleep.range"],
            outcome.Errors.Select(e => e.Code));
    }
}
