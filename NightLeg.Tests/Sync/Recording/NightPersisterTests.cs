using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
using NightLeg.Sync;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Pipeline;
using NightLeg.Sync.Recording;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Sync.Recording;

/// <summary>What the persister promises: seconds on disk within a batch of closing, an awakening stored with the seconds before it, nothing lost while storing fails.</summary>
public sealed class NightPersisterTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");

    [Fact]
    public void EverySecond_IsStoredWithinABatchOfClosing()
    {
        // Arrange
        var (recorder, epochs, persister, _) = Persister(batchSeconds: 5);
        var closed = new List<DateTimeOffset>();
        var lag = 0;
        recorder.EpochCompleted += e =>
        {
            closed.Add(e.Start);
            lag = Math.Max(lag, closed.Count - epochs.Read(closed[0], e.Start.AddSeconds(1)).Count);
        };

        // Act: a quarter of an hour of a night.
        Play(recorder, Night(hours: 0.25));

        // Assert: never more than a batch waiting (the one being closed included); all there after the last flush.
        Assert.InRange(lag, 0, 5);
        persister.Dispose();
        Assert.Equal(closed.Count, epochs.Read(closed[0], closed[^1].AddSeconds(1)).Count);
    }

    [Fact]
    public void AnAwakening_IsStoredAsAnEvent_AfterTheSecondsBeforeIt()
    {
        // Arrange: the demo night (a cramp 37 minutes in).
        var (recorder, epochs, persister, events) = Persister(batchSeconds: 5);
        var secondsBefore = -1;
        CrampEvent? recorded = null;
        persister.EventRecorded += e =>
        {
            recorded = e;
            secondsBefore = epochs.Read(e.Detection!.Onset.AddMinutes(-10), e.Detection.Onset).Count;
        };

        // Act
        Play(recorder, NightLegSyncServiceCollectionExtensions.DemoNight(new DateTimeOffset(2026, 3, 10, 21, 30, 0, TimeSpan.Zero)) with { Hours = 1 });
        persister.Dispose();

        // Assert
        Assert.NotNull(recorded);
        Assert.Contains(events.All, e => e.Id == recorded.Id);
        Assert.Equal(600, secondsBefore);
    }

    [Fact]
    public void StoringFails_NothingIsDropped_AndItAllArrivesWhenStoringWorksAgain()
    {
        // Arrange: a disk that fails from the fifth minute until told otherwise.
        var failing = new FailingEpochs();
        var (recorder, _, persister, _) = Persister(batchSeconds: 5, failing);
        var failures = 0;
        long recovered = -1;
        persister.StorageFailed += _ => failures++;
        persister.StorageRecovered += n => recovered = n;
        var closed = 0;
        recorder.EpochCompleted += _ =>
        {
            if (++closed == 300)
            {
                failing.Fails = true;
            }
        };

        // Act 1: a quarter of an hour, two thirds of it while storing fails.
        Play(recorder, Night(hours: 0.25));
        var waiting = persister.EpochsWaiting;

        // Act 2: the disk works again.
        failing.Fails = false;
        Assert.True(persister.Flush());

        // Assert
        Assert.True(failures > 100, $"{failures} failed flushes");
        Assert.InRange(waiting, 590, closed);
        Assert.Equal(waiting, recovered);
        Assert.Equal(0, persister.EpochsDropped);
        Assert.Equal(closed, failing.Stored.Count);
        Assert.False(persister.Failing);
    }

    private static SimulationOptions Night(double hours) =>
        SimulationOptions.ForSeed(4, DeviceFamilies.Default.Simulate("polar-h10"), 0) with { Hours = hours };

    private static void Play(NightRecorder recorder, SimulationOptions options)
    {
        var pipeline = new NotificationPipeline(recorder, DeviceFamilies.Default);
        foreach (var notification in new NightSimulator(options).Notifications())
        {
            pipeline.Process(notification);
        }
    }

    private static (NightRecorder Recorder, IEpochRepository Epochs, NightPersister Persister, InMemoryCrampEventRepository Events) Persister(int batchSeconds, IEpochRepository? epochs = null)
    {
        var recorder = new NightRecorder(Oslo);
        var nights = new InMemoryNightRepository();
        var events = new InMemoryCrampEventRepository();
        epochs ??= new InMemoryEpochRepository();
        var journal = new CrampJournal(events, nights, Oslo, new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero)));
        return (recorder, epochs, new NightPersister(recorder, nights, epochs, journal, batchSeconds), events);
    }

    /// <summary>Seconds in memory, refusing every write while <see cref="Fails"/>, as a full disk does.</summary>
    private sealed class FailingEpochs : IEpochRepository
    {
        public bool Fails { get; set; }

        public List<SecondEpoch> Stored { get; } = [];

        public void Append(NightId night, IReadOnlyList<SecondEpoch> epochs)
        {
            if (Fails)
            {
                throw new StorageException("the disk is full", problem: StorageProblem.Other);
            }

            Stored.AddRange(epochs);
        }

        public IReadOnlyList<SecondEpoch> Read(DateTimeOffset from, DateTimeOffset to) => [.. Stored.Where(e => e.Start >= from && e.Start < to)];

        public long Count(NightId night) => Stored.Count;
    }
}
