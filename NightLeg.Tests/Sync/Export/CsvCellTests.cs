using NightLeg.Domain.Nights;
using NightLeg.Sync.Export;

namespace NightLeg.Tests.Sync.Export;

/// <summary>Issue 21, R6: nothing of the user's reaches a spreadsheet as a formula, and nights are only what nights can be.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("2026-03-10@Europe/Oslo", "2026-03-10@Europe/Oslo")]
    [InlineData(null, "")]
    public void Text_FormulaOrSeparator_NeutralisedOrQuoted(string? value, string expected)
    {
        Assert.Equal(expected, CsvCell.Text(value));
    }

    [Theory]
    [InlineData("2026-03-10@Europe/Oslo,=HYPERLINK(\"http://evil\")")]
    [InlineData("2026-03-10@Not/AZone")]
    [InlineData("@Europe/Oslo")]
    [InlineData("9999-12-31@Europe/Oslo")]
    [InlineData("1969-12-31@Europe/Oslo")]
    [InlineData("2026-03-10@Europe/Oslo\n=1+1")]
    [InlineData("2026-03-10@")]
    public void NightId_TryParse_WhatNoNightCanBe_Refused(string text)
    {
        Assert.False(NightId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2026-03-10@Europe/Oslo")]
    [InlineData("2026-03-10@Etc/UTC")]
    [InlineData("2099-12-31@America/Argentina/Buenos_Aires")]
    public void NightId_TryParse_RealNights_Taken(string text)
    {
        Assert.True(NightId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
    }
}
