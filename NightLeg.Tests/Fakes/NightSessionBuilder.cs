using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;

namespace NightLeg.Tests.Fakes;

/// <summary>
/// A <see cref="NightSession"/> for a test, with what it needs: on a real database when given one (its
/// repositories, and batches forced to its disk), else in memory; Oslo's nights; the clock the test chooses.
/// The repositories and the journal it made are there to look at.
/// </summary>
public sealed class NightSessionBuilder(TimeProvider time)
{
    private NightLegDatabase? _database;
    private SyncOptions _options = new();
    private ILogger<NightSession> _logger = NullLogger<NightSession>.Instance;
    private DeviceFamilies? _families;

    /// <summary>Oslo's nights, as most of our users'.</summary>
    public static NightCalendar Oslo { get; } = NightCalendar.ForZone("Europe/Oslo");

    /// <summary>The night repository the session writes (after <see cref="Build"/>).</summary>
    public INightRepository Nights { get; private set; } = null!;

    /// <summary>The seconds (after <see cref="Build"/>).</summary>
    public IEpochRepository Epochs { get; private set; } = null!;

    /// <summary>The events (after <see cref="Build"/>).</summary>
    public ICrampEventRepository Events { get; private set; } = null!;

    /// <summary>The journal the session records into (after <see cref="Build"/>).</summary>
    public CrampJournal Journal { get; private set; } = null!;

    /// <summary>Stores in <paramref name="database"/> (and forces each batch to its disk).</summary>
    public NightSessionBuilder On(NightLegDatabase database)
    {
        _database = database;
        return this;
    }

    /// <summary>The sync options (batch size, watchdog, back-off).</summary>
    public NightSessionBuilder With(SyncOptions options)
    {
        _options = options;
        return this;
    }

    /// <summary>Logs to <paramref name="logger"/>.</summary>
    public NightSessionBuilder LoggingTo(ILogger<NightSession> logger)
    {
        _logger = logger;
        return this;
    }

    /// <summary>Knows these device families.</summary>
    public NightSessionBuilder With(DeviceFamilies families)
    {
        _families = families;
        return this;
    }

    /// <summary>The session (not yet running).</summary>
    public NightSession Build()
    {
        Nights = _database is null ? new InMemoryNightRepository() : new LiteDbNightRepository(_database);
        Epochs = _database is null ? new InMemoryEpochRepository() : new LiteDbEpochRepository(_database);
        Events = _database is null ? new InMemoryCrampEventRepository() : new LiteDbCrampEventRepository(_database);
        Journal = new CrampJournal(Events, Nights, Oslo, time);
        return new NightSession(Oslo, DetectorThresholds.Normal, Nights, Epochs, Journal, _options, null, _logger, time, null, _database, _families);
    }
}
