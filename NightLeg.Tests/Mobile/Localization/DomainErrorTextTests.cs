using NightLeg.Domain.Cramps;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Nights;
using NightLeg.Mobile.Localization;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Mobile.Localization;

/// <summary>The domain's and the import's validation errors are said by the app, in English and in bokmål, by their code, with the values they name (the domain has no words).</summary>
public sealed class DomainErrorTextTests
{
    public static TheoryData<string> Codes => new(AllErrors().Select(e => e.Code).Distinct());

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryDomainError_HasABokmalText_WithItsValues(string code)
    {
        var error = AllErrors().First(e => e.Code == code);

        var nb = new Strings(Language.NorwegianBokmal).Error(error);
        var en = new Strings(Language.English).Error(error);

        Assert.NotEqual(en, nb);
        Assert.DoesNotContain("error.", en, StringComparison.Ordinal); // a code without its sentence shows as its key
        Assert.DoesNotContain("error.", nb, StringComparison.Ordinal);
        Assert.DoesNotContain("{", nb);
        Assert.All(error.Args.OfType<int>(), value => Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), nb));
        Assert.False(string.IsNullOrWhiteSpace(en));
    }

    [Fact]
    public void EverySentenceForAnError_IsOneTheDomainOrTheImportCanGive()
    {
        var given = AllErrors().Select(e => "error." + e.Code).ToHashSet();

        var unused = Strings.All.Select(t => t.Key).Where(k => k.StartsWith("error.", StringComparison.Ordinal) && !given.Contains(k)).ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void AnHourOutsideTheNight_IsSaidWithNorwegianMonthNames()
    {
        var error = AllErrors().Single(e => e.Code == "at.outsideNight");

        var nb = new Strings(Language.NorwegianBokmal).Error(error);

        Assert.Equal("14:00 den 11. mars er ikke i natten til 10. mars; velg et tidspunkt mellom 18:00 og 12:00.", nb);
    }

    /// <summary>Every error the domain can give, produced by really giving it bad input.</summary>
    private static IEnumerable<ValidationError> AllErrors()
    {
        var report = CrampReportValidator.Validate(new CrampReport(Leg: (Leg)7, Location: (CrampLocation)9, Intensity: 11, DurationSeconds: 3600, WhatHelped: [new string('x', 101)],
            BackToSleepAfterMinutes: 10_000, Note: new string('n', 2001)));
        var zero = CrampReportValidator.Validate(new CrampReport(DurationSeconds: 0));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero));
        var calendar = NightCalendar.ForZone("Europe/Oslo");
        var journal = new CrampJournal(new InMemoryCrampEventRepository(), new InMemoryNightRepository(), calendar, time);
        var night = new NightId(new DateOnly(2026, 3, 10), "Europe/Oslo");
        var outside = journal.LogByHand(night, new DateTimeOffset(2026, 3, 11, 13, 0, 0, TimeSpan.Zero), new CrampReport());
        var future = journal.LogByHand(night, new DateTimeOffset(2026, 3, 11, 9, 30, 0, TimeSpan.Zero), new CrampReport());
        var missing = journal.Dismiss(Guid.NewGuid(), DismissReason.Bathroom);
        var detected = new InMemoryCrampEventRepository();
        var withEvent = new CrampJournal(detected, new InMemoryNightRepository(), calendar, time);
        var cramp = withEvent.LogByHand(night, new DateTimeOffset(2026, 3, 11, 2, 0, 0, TimeSpan.Zero), new CrampReport()).Value!;
        var badReason = withEvent.Dismiss(cramp.Id, (DismissReason)99);
        var longNote = withEvent.Dismiss(cramp.Id, DismissReason.Other, new string('n', 2001));
        var diary = new NightLeg.Domain.Diary.DiaryJournal(new InMemoryDiaryRepository(), time);
        var day = NightLeg.Domain.Diary.DiaryJournal.Validate(new NightLeg.Domain.Diary.DayFactorsReport(RunKm: 400, Effort: (NightLeg.Domain.Diary.RunEffort)5, Surface: (NightLeg.Domain.Diary.RunSurface)9, Tags: [new string('t', 30)]));
        var tooManyTags = NightLeg.Domain.Diary.DiaryJournal.Validate(new NightLeg.Domain.Diary.DayFactorsReport(Tags: Enumerable.Range(0, 9).Select(i => $"t{i}").ToList()));
        var morning = diary.RecordMorning(night, 11, true, 12);
        var notRemoved = withEvent.Remove(withEvent.RecordDetection(night, new NightLeg.Domain.Detection.AwakeningDetected(
            new DateTimeOffset(2026, 3, 11, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 11, 2, 0, 30, TimeSpan.Zero), 52, 70, 14, null, 0.7,
            NightLeg.Domain.Detection.DetectionEvidence.HeartRateOnly)).Id);
        var csv = new[]
        {
            "", "date,colour", "leg", "date\n2026-13-01\n2026-03-01\n2026-03-01", "date,cramps,time,intensity,ran\n2026-03-02,99,,,\n2026-03-03,,25:00,,\n2026-03-04,,,lots,\n2026-03-05,,,,maybe",
            "date,leg,location,effort,surface\n2026-03-08,arm,ear,crawl,moon",
            "date\n" + string.Concat(Enumerable.Repeat("x\n", NightLeg.Sync.Export.DiaryCsv.MaximumRows + 1)),
            "date\n2026-03-06,extra", "date\n\"2026-03-07", "date\n" + new string('x', 5000),
        }.SelectMany(text => NightLeg.Sync.Export.DiaryCsv.Read(new StringReader(text), calendar).Problems.Select(p => p.Error));
        var tooLarge = new NightLeg.Mobile.ViewModels.DiaryImportViewModel(journal, diary, new InMemoryCrampEventRepository(), calendar);
        tooLarge.TooLarge();
        return csv.Concat(tooLarge.Problems.Select(p => p.Error)).Concat(notRemoved.Errors).Concat(report.Errors).Concat(zero.Errors).Concat(day.Errors).Concat(tooManyTags.Errors).Concat(morning.Errors).Concat(outside.Errors).Concat(future.Errors).Concat(missing.Errors).Concat(badReason.Errors).Concat(longNote.Errors);
    }
}
