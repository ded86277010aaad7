using NightLeg.Domain.Cramps;
using NightLeg.Domain.History;
using NightLeg.Domain.Insights;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Services;

/// <summary>
/// The sample history a new user can open to see what a few weeks with NightLeg look like: eight weeks of a
/// runner's nights, diary and cramps (<see cref="SampleHistory"/>) in a database of its own, in memory —
/// never in the user's, so removing it leaves no trace. Made on first use (a few hundred kilobytes), once per
/// run; thread-safe.
/// </summary>
public sealed class SampleHistoryView(TimeProvider time) : IDisposable
{
    /// <summary>Nights in the sample.</summary>
    public const int Nights = 56;

    private readonly Lazy<(NightLegDatabase Database, HistoryService History, InsightsService Insights, IDiaryRepository Diaries, NightCalendar Calendar)> _sample = new(() =>
    {
        var calendar = NightCalendar.ForZone(SampleHistory.Zone);
        var database = NightLegDatabase.InMemory(time);
        SampleHistory.Seed(database, calendar.NightOf(time.GetUtcNow().AddHours(-12)).EveningDate, Nights);
        var events = new LiteDbCrampEventRepository(database);
        var diaries = new LiteDbDiaryRepository(database);
        var history = new HistoryService(new LiteDbNightRepository(database), events, new AwakeningReviewer(new LiteDbEpochRepository(database)));
        return (database, history, new InsightsService(history, events, diaries, calendar), diaries, calendar);
    });

    /// <summary>The sample's history.</summary>
    public HistoryService History => _sample.Value.History;

    /// <summary>The sample's insights.</summary>
    public InsightsService Insights => _sample.Value.Insights;

    /// <summary>The sample's diary.</summary>
    public IDiaryRepository Diaries => _sample.Value.Diaries;

    /// <summary>The sample's calendar.</summary>
    public NightCalendar Calendar => _sample.Value.Calendar;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_sample.IsValueCreated)
        {
            _sample.Value.Database.Dispose();
        }
    }
}
