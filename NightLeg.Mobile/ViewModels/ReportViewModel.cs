using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Insights;
using NightLeg.Domain.Nights;

namespace NightLeg.Mobile.ViewModels;

/// <summary>The doctor's report: the last 2 or 4 weeks of the cramp diary, to print. UI-neutral.</summary>
public sealed partial class ReportViewModel(InsightsService insights, NightCalendar calendar, TimeProvider time) : ObservableObject
{
    [ObservableProperty]
    public partial int Weeks { get; set; } = 4;

    [ObservableProperty]
    public partial DoctorReport? Report { get; set; }

    /// <summary>
    /// Builds the report for the <see cref="Weeks"/> weeks that end with the latest night: last night,
    /// or tonight's when it already holds something (a night recorded or logged today).
    /// </summary>
    public void Load()
    {
        var now = time.GetUtcNow();
        var lastNight = calendar.NightOf(now.AddHours(-12)).EveningDate;
        var latest = calendar.NightOf(now).EveningDate;
        if (latest > lastNight && insights.Report(latest, latest) is { NightsWithData: > 0 })
        {
            lastNight = latest;
        }

        Report = insights.Report(lastNight.AddDays(1 - (7 * Weeks)), lastNight);
    }

    /// <summary>Two or four weeks.</summary>
    [RelayCommand]
    private void SetWeeks(int weeks)
    {
        Weeks = weeks is 2 ? 2 : 4;
        Load();
    }
}
