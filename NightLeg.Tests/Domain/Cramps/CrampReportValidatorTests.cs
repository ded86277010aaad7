using NightLeg.Domain.Cramps;

namespace NightLeg.Tests.Domain.Cramps;

public sealed class CrampReportValidatorTests
{
    private static readonly NightLeg.Mobile.Localization.Strings English = new(NightLeg.Domain.Guidance.Language.English);

    [Fact]
    public void Validate_FullValidReport_GivesDetails()
    {
        var report = new CrampReport("Left", "calf", 7, 90, ["stretch", "heat"], null, 20, "After the long run");

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
    public void Validate_NorwegianLeg_IsUnderstood(string text, Leg expected)
    {
        Assert.Equal(expected, CrampReportValidator.Validate(new CrampReport(Leg: text)).Value!.Leg);
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
    public void Validate_UnknownLeg_IsRefusedNamingIt()
    {
        var outcome = CrampReportValidator.Validate(new CrampReport(Leg: "middle"));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("leg.unknown", error.Code);
        Assert.Equal(["middle"], error.Args);
        Assert.Contains("\"middle\" is not a leg. Choose left, right or both.", English.Error(error));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsThemAll()
    {
        var outcome = CrampReportValidator.Validate(new CrampReport("middle", "elbow", -1, 0, null, "maybe"));

        Assert.Equal(["leg.unknown", "location.unknown", "intensity.range", "duration.positive", "backToSleep.unknown"],
            outcome.Errors.Select(e => e.Code));
    }
}
