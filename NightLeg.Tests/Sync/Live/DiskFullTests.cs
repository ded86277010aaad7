using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Live;

/// <summary>
/// The disk fills up in the middle of a night (a real tmpfs, really full): the status says so, the
/// log says so once a minute, recording resumes by itself when space returns, and no second is lost
/// — neither those stored before nor those recorded meanwhile. (Issue 15, finding 6.)
/// </summary>
public sealed class DiskFullTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DiskFullMidNight_StatusAndOneLogLineAMinute_ThenResumesWithEverySecond()
    {
        // Arrange: a NightLeg database on a 32 MB disk of its own.
        using var disk = ScratchDisk.Mount(32 << 20);
        var time = new FakeTimeProvider(Start);
        using var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(disk.Path, "nightleg.db")), time);
        var log = new ListLogger<NightSession>();
        var built = new NightSessionBuilder(time).On(database).With(new SyncOptions { BatchSeconds = 5 }).LoggingTo(log);
        var session = built.Build();
        var epochs = built.Epochs;
        using var stop = new CancellationTokenSource();
        var consumer = session.RunAsync(stop.Token);
        var second = 0;

        // Act 1: ten minutes recorded normally.
        await PostAsync(session, time, () => second++, 600);
        var storedBefore = epochs.Count(Night);

        // Act 2: the disk fills; five more minutes arrive.
        var filler = disk.Fill();
        await PostAsync(session, time, () => second++, 300);
        var whileFull = session.Status;
        var healthWhileFull = database.Health;
        var errorsWhileFull = log.Lines.Count(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error);

        // Act 3: space returns; one more minute arrives.
        File.Delete(filler);
        await PostAsync(session, time, () => second++, 60);
        var afterwards = session.Status;

        stop.Cancel();
        await consumer;
        await session.DisposeAsync();

        // What a failed disk left inside LiteDB must not end the process later, from the finalizer thread.
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Assert: said plainly while full...
        Assert.NotNull(whileFull.Storage);
        Assert.True(whileFull.Storage!.DiskFull, whileFull.Storage.Problem);
        Assert.Contains("The disk is full", whileFull.Storage.Problem);
        Assert.InRange(whileFull.Storage.SecondsWaiting, 250, 300);
        Assert.False(healthWhileFull.IsOk);
        Assert.InRange(errorsWhileFull, 1, 6); // five minutes of failing batches: one line a minute, not one per batch
        Assert.Contains(log.Lines, l => l.Message.Contains("The disk is full", StringComparison.Ordinal));

        // ...cleared by itself afterwards...
        Assert.Null(afterwards.Storage);
        Assert.True(database.Health.IsOk);
        Assert.Equal(1, log.Count("Storing works again"));

        // ...and nothing lost: what was stored before, and every second recorded while the disk was full.
        Assert.True(storedBefore >= 590, $"{storedBefore} stored before the disk filled");
        Assert.Equal(second, epochs.Count(Night));
    }

    [Fact]
    public void Open_OnAFullDisk_IsOneLineSayingSo()
    {
        using var disk = ScratchDisk.Mount(1 << 20);
        disk.Fill();

        var error = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(Path.Combine(disk.Path, "nightleg.db")), TimeProvider.System));

        Assert.Contains("no space left on the disk", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");

    /// <summary>Posts one heart-rate notification per second (advancing the clock with it) and waits until the session has handled them all.</summary>
    private static async Task PostAsync(NightSession session, FakeTimeProvider time, Func<int> next, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            var s = next();
            session.Post(new GattNotification(Start.AddSeconds(s), GattUuids.HeartRateMeasurement, new byte[] { 0x00, (byte)(52 + (s % 5)) }));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await session.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
