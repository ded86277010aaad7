using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.ViewModels;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Mobile.ViewModels;

public sealed class MorningAndDevicesViewModelTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");
    private readonly InMemoryCrampEventRepository _events = new();
    private readonly InMemoryNightRepository _nights = new();
    private readonly InMemoryEpochRepository _epochs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 6, 30, 0, TimeSpan.Zero));
    private readonly CrampJournal _journal;

    public MorningAndDevicesViewModelTests()
    {
        _journal = new CrampJournal(_events, _nights, Oslo, _time);
        _nights.Save(new Night(Night, Oslo.ToUtc(Night, new TimeOnly(23, 0)), Oslo.ToUtc(Night, new TimeOnly(7, 0)), null, null, null, null, [], SleepStatistics.None));
    }

    [Fact]
    public void Morning_LoadsLastNightAndConfirmsAndDismisses()
    {
        // Arrange
        var a = Detect(new TimeOnly(2, 10));
        var b = Detect(new TimeOnly(4, 40));
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);
        morning.Load();

        // Act
        morning.ConfirmCommand.Execute((a.Id, new CrampReport(Leg.Right, CrampLocation.Calf, 6, 120)));
        morning.DismissCommand.Execute((b.Id, DismissReason.Bathroom));

        // Assert
        Assert.Equal(Night, morning.Night);
        Assert.Equal([ReviewStatus.Confirmed, ReviewStatus.Dismissed], morning.Events.Select(e => e.Status));
        Assert.False(morning.HasUnreviewed);
        Assert.Null(morning.Error);
    }

    [Fact]
    public void Morning_InvalidDetails_ShowsTheMessageAndKeepsTheEventPending()
    {
        var a = Detect(new TimeOnly(2, 10));
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);
        morning.Load();

        morning.ConfirmCommand.Execute((a.Id, new CrampReport(Intensity: 11)));

        Assert.Equal("intensity.range", Assert.Single(morning.Error!).Code);
        Assert.Equal(ReviewStatus.Pending, _events.Get(a.Id)!.Status);
    }

    [Fact]
    public void Morning_LogMissed_AddsAConfirmedCramp()
    {
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);
        morning.Load();

        morning.LogMissedCommand.Execute((new TimeOnly(5, 15), new CrampReport(Leg.Left, Intensity: 4)));

        var cramp = Assert.Single(morning.Events);
        Assert.Equal(CrampEventSource.LoggedByHand, cramp.Source);
        Assert.Equal("05:15", morning.LocalTime(cramp.At));
    }

    [Fact]
    public void Morning_AwakeFor_IsTheTimeUntilAsleepAgainByTheOneRule()
    {
        // Eight minutes of moving with a raised heart rate after the detection, then calm.
        var cramp = Detect(new TimeOnly(3, 0));
        var detected = cramp.Detection!.DetectedAt;
        _epochs.Append(Night, Enumerable.Range(0, 20 * 60).Select(s => s < 8 * 60
            ? new SecondEpoch(detected.AddSeconds(s), 72, 0.2, null)
            : new SecondEpoch(detected.AddSeconds(s), 53, 0.005, null)).ToList());
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);

        morning.Load();

        var expected = SleepReturnTracker.Find(_epochs.Read(detected, detected.AddHours(2)), detected, cramp.Detection.BaselineHeartRateBpm) - cramp.At;
        Assert.Equal(expected, morning.AwakeDurations[cramp.Id]);
        Assert.InRange(morning.AwakeDurations[cramp.Id]!.Value.TotalMinutes, 8, 9.5);
        Assert.Equal([cramp.Id], morning.Asked.Select(e => e.Id));
    }

    [Fact]
    public void Morning_BriefAwakenings_AreCollapsedNotAskedAndStillConfirmable()
    {
        // Arrange: one awakening after which sleep came back in 90 s, one after which it took 15 minutes.
        var brief = Detect(new TimeOnly(2, 0));
        var asked = Detect(new TimeOnly(4, 0));
        _events.Save(brief.SleptAgainAt(brief.At.AddSeconds(90)));
        _events.Save(asked.SleptAgainAt(asked.At.AddMinutes(15)));
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);

        // Act
        morning.Load();

        // Assert
        Assert.Equal([asked.Id], morning.Asked.Select(e => e.Id));
        Assert.Equal([brief.Id], morning.UnaskedAwakenings.Select(e => e.Id));
        Assert.True(morning.HasUnreviewed);

        // …and a brief one can still be opened and confirmed; it then keeps its answer.
        morning.ToggleBriefCommand.Execute(null);
        morning.ConfirmCommand.Execute((brief.Id, new CrampReport(Leg.Left, CrampLocation.Calf, 5)));
        Assert.True(morning.BriefOpen);
        Assert.Empty(morning.UnaskedAwakenings);
        Assert.Contains(morning.Asked, e => e.Id == brief.Id && e.Status == ReviewStatus.Confirmed);
    }

    [Fact]
    public void Morning_ChangeAnAnswer_ThenUndo_GivesTheAnswerBefore()
    {
        // Arrange: confirmed with details.
        var a = Detect(new TimeOnly(2, 10));
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);
        morning.Load();
        morning.ConfirmCommand.Execute((a.Id, new CrampReport(Leg.Right, CrampLocation.Calf, 6, 120)));
        Assert.Equal(a.Id, morning.Answers.Undoable);

        // Act: changed to not a cramp, then undone.
        morning.DismissCommand.Execute((a.Id, DismissReason.Partner));
        var changed = Assert.Single(morning.Events);
        morning.UndoCommand.Execute(null);

        // Assert
        Assert.Equal(ReviewStatus.Dismissed, changed.Status);
        var back = Assert.Single(morning.Events);
        Assert.Equal(ReviewStatus.Confirmed, back.Status);
        Assert.Equal(6, back.Details.Intensity);
        Assert.Null(morning.Answers.Undoable);
    }

    [Fact]
    public void Morning_UndoAMissedCrampJustLogged_RemovesIt()
    {
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);
        morning.Load();
        morning.LogMissedCommand.Execute((new TimeOnly(5, 15), new CrampReport(Leg.Left, Intensity: 4)));
        Assert.Single(morning.Events);

        morning.UndoCommand.Execute(null);

        Assert.Empty(morning.Events);
        Assert.Empty(_events.All);
    }

    [Fact]
    public void NightPage_ChangesAnAnswerOfAnOlderNight()
    {
        var a = Detect(new TimeOnly(2, 10));
        _journal.Dismiss(a.Id, DismissReason.Bathroom);
        var page = new NightDetailViewModel(new HistoryService(_nights, _events, new AwakeningReviewer(_epochs)), _nights, _epochs, _events, new AwakeningReviewer(_epochs), Oslo, _journal);
        page.Load(Night);

        page.ConfirmCommand.Execute((a.Id, new CrampReport(Leg.Left, Intensity: 8)));

        var changed = Assert.Single(page.Events);
        Assert.Equal(ReviewStatus.Confirmed, changed.Status);
        Assert.Equal(8, changed.Details.Intensity);
        Assert.Equal(1, page.Summary!.ConfirmedCramps);
        Assert.Equal(a.Id, page.Answers.Undoable);
    }

    [Fact]
    public void Morning_OnlyBriefAwakenings_NothingToAskAbout()
    {
        var brief = Detect(new TimeOnly(2, 0));
        _events.Save(brief.SleptAgainAt(brief.At.AddMinutes(2)));
        var morning = new MorningReviewViewModel(_events, new AwakeningReviewer(_epochs), _nights, _journal, Oslo, _time);

        morning.Load();

        Assert.False(morning.HasUnreviewed);
        Assert.Empty(morning.Asked);
    }

    [Fact]
    public async Task Devices_NoBluetooth_StillOffersTheDemoAndPairsIt()
    {
        // Arrange: a machine without Bluetooth.
        var devices = new InMemoryDeviceRepository();
        var vm = new DevicesViewModel(new NoBluetooth(), devices, DeviceFamilies.Default, new FakeLiveNight(), _time);

        // Act
        await vm.ScanCommand.ExecuteAsync(null);
        vm.PairCommand.Execute(Assert.Single(vm.Found));

        // Assert
        Assert.Equal(BleAdapterState.Unavailable, vm.AdapterState);
        Assert.Equal(SimulatedWearableAdapter.DeviceId, devices.GetPaired()!.Id);
        Assert.True(devices.GetPaired()!.IsDemo);
        Assert.Equal("polar-h10", devices.GetPaired()!.FamilyId);
        Assert.Equal((true, true, true), vm.Offers(vm.Found[0]));
    }

    [Fact]
    public async Task Devices_Scan_ListsFoundStrapsStrongestFirstThenTheDemo()
    {
        var devices = new InMemoryDeviceRepository();
        var vm = new DevicesViewModel(new TwoStraps(), devices, DeviceFamilies.Default, new FakeLiveNight(), _time);

        await vm.ScanCommand.ExecuteAsync(null);
        vm.PairCommand.Execute(vm.Found[0]);

        Assert.Equal(["near", "far", SimulatedWearableAdapter.DeviceId], vm.Found.Select(f => f.DeviceId));
        Assert.Equal("infinitime", devices.GetPaired()!.FamilyId);
        vm.ForgetCommand.Execute(null);
        Assert.Null(devices.GetPaired());
    }

    [Fact]
    public void Tonight_FollowsTheLiveStatusAndStartsTheNight()
    {
        var live = new FakeLiveNight();
        using var vm = new TonightViewModel(live, _time);
        var changes = 0;
        vm.PropertyChanged += (_, _) => changes++;

        live.Publish(LiveStatus.Initial with { Connection = ConnectionState.Recording, HeartRateBpm = 51.6, MovementG = 0.2, Sleep = SleepState.Asleep });
        vm.StartNightCommand.Execute(null);

        Assert.True(vm.HasDevice);
        Assert.Equal("52", vm.HeartRateText);
        Assert.True(vm.IsMoving);
        Assert.Equal(1, live.Starts);
        Assert.True(changes > 0);
    }

    private CrampEvent Detect(TimeOnly local)
    {
        var onset = Oslo.ToUtc(Night, local);
        return _journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(10), 52, 70, 9, 60, 0.8, DetectionEvidence.HeartRateAndMotion));
    }

    private sealed class NoBluetooth : IBleAdapter
    {
        public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Unavailable);

        public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken) =>
            throw new BleException(BleErrorKind.NoAdapter, "none");

        public Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken) => throw new BleException(BleErrorKind.NoAdapter, "none");
    }

    private sealed class TwoStraps : IBleAdapter
    {
        public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Ready);

        public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BleAdvertisement>>([
                new("far", "Strap", -88, [GattUuids.HeartRateService]),
                new("near", "PineTime", -50, [GattUuids.HeartRateService, GattUuids.InfiniTimeMotionService]),
            ]);

        public Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
