using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Insights;
using NightLeg.Domain.Nights;
using NightLeg.Mobile.ViewModels;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Mobile.ViewModels;

/// <summary>
/// The doctor's report (issue 20): it ends with the latest night that holds anything, and nights
/// NightLeg knows nothing of are told apart — never counted as nights without cramps.
/// </summary>
public sealed class ReportViewModelTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private readonly InMemoryNightRepository _nights = new();
    private readonly InMemoryCrampEventRepository _events = new();

    [Fact]
    public void ADemoNightRecordedThisAfternoon_IsInTheReport_AndTheUnrecordedNightsAreNotCrampFree()
    {
        // The user tried the demo at 15:18 on 2 Dec: its night (evening 2 Dec) holds the only cramp.
        var today = new NightId(new DateOnly(2026, 12, 2), "Europe/Oslo");
        AddNight(today, Oslo.ToUtc(today, new TimeOnly(15, 18)));
        var onset = Oslo.ToUtc(today, new TimeOnly(15, 51));
        _events.Save(CrampEvent.FromDetection(Guid.NewGuid(), today, new AwakeningDetected(onset, onset.AddSeconds(10), 50, 70, 8, null, 0.7, DetectionEvidence.HeartRateAndMotion))
            .Confirmed(CrampDetails.Empty with { Intensity = 7 }));
        var vm = Report(at: Oslo.ToUtc(today, new TimeOnly(16, 30)));

        vm.Load();

        var r = vm.Report!;
        Assert.Equal(today.EveningDate, r.To);
        Assert.Equal(28, r.Days);
        Assert.Equal((1, 1, 0, 27), (r.NightsWithData, r.NightsRecorded, r.NightsLoggedByHand, r.NightsWithoutData));
        Assert.Equal((1, 1), (r.Cramps, r.CrampNights));
        Assert.Equal(1.0, r.CrampsPerNight); // over the one night with data, not 1/28
    }

    [Fact]
    public void AHandLoggedNight_CountsAsData_ButNotAsRecorded_AndNoNightAtAll_GivesNoRate()
    {
        var lastNight = new NightId(new DateOnly(2026, 12, 1), "Europe/Oslo");
        _events.Save(CrampEvent.LoggedByHand(Guid.NewGuid(), lastNight, Oslo.ToUtc(lastNight, new TimeOnly(3, 0)), CrampDetails.Empty));
        var vm = Report(at: Oslo.ToUtc(lastNight, new TimeOnly(8, 0))); // the next morning

        vm.Load();
        var r = vm.Report!;
        Assert.Equal(lastNight.EveningDate, r.To);
        Assert.Equal((1, 0, 1, 27), (r.NightsWithData, r.NightsRecorded, r.NightsLoggedByHand, r.NightsWithoutData));

        vm.SetWeeksCommand.Execute(2);
        var empty = DoctorReport.Build(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 14), [], [], [], Oslo);
        Assert.Equal(14, vm.Report!.Days);
        Assert.Null(empty.CrampsPerNight);
        Assert.Null(empty.CrampsPerWeek);
        Assert.Equal(14, empty.NightsWithoutData);
    }

    private ReportViewModel Report(DateTimeOffset at)
    {
        var history = new HistoryService(_nights, _events, new AwakeningReviewer(new InMemoryEpochRepository()));
        return new ReportViewModel(new InsightsService(history, _events, new InMemoryDiaryRepository(), Oslo), Oslo, new FakeTimeProvider(at));
    }

    private void AddNight(NightId id, DateTimeOffset start) =>
        _nights.Save(new Night(id, start, start.AddMinutes(50), null, null, null, null, [], new SleepStatistics(TimeSpan.FromMinutes(40), 52, 55)));
}
