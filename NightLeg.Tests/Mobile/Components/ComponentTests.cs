using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.Components.Pages;
using NightLeg.Mobile.Components.Shared;
using NightLeg.Mobile.Localization;
using NightLeg.Mobile.ViewModels;
using NightLeg.Sync.Live;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Mobile.Components;

public sealed class ComponentTests : BunitContext
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");
    private readonly FakeLiveNight _live = new();
    private readonly InMemoryCrampEventRepository _events = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemorySettingsRepository _settings = new();
    private readonly CrampJournal _journal;

    public ComponentTests()
    {
        _journal = new CrampJournal(_events, new InMemoryNightRepository(), Oslo, _time);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddTransient(_ => new CrampPromptViewModel(_live, _journal, _settings, _time));
        Services.AddTransient(_ => new TonightViewModel(_live, _time));
        _diaries = new InMemoryDiaryRepository();
        Services.AddSingleton(new NightLeg.Domain.Diary.DiaryJournal(_diaries, _time));
        Services.AddSingleton(Oslo);
        Services.AddTransient(_ => new CheckInViewModel(new NightLeg.Domain.Diary.DiaryJournal(_diaries, _time), _diaries, Oslo, _time));
    }

    private readonly InMemoryDiaryRepository _diaries;

    [Fact]
    public void CrampPrompt_ByDefault_ShowsWithoutSoundOrVibration()
    {
        // Arrange
        var prompt = Render<CrampPrompt>();
        var onset = _time.GetUtcNow();

        // Act: a strong, moving awakening — the kind that would sound if sound were on.
        _live.Detect(_journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(12), 52, 75, 12, 70, 0.9, DetectionEvidence.HeartRateAndMotion)));

        // Assert: the prompt is there; nothing was asked of the browser's audio or vibration.
        prompt.WaitForAssertion(() => Assert.NotEmpty(prompt.FindAll("[data-testid=cramp-prompt]")));
        Assert.Equal("silent", prompt.Find("[data-testid=cramp-prompt]").GetAttribute("data-alert"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "nightleg.alert");
    }

    [Fact]
    public void CrampPrompt_SoundOn_AppearsSilently_SoundsOnlyOnceDistressIsPlain()
    {
        // Arrange
        _settings.Save(UserSettings.Default with { PromptSound = true });
        var prompt = Render<CrampPrompt>();
        var onset = _time.GetUtcNow();
        var cramp = _journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(12), 52, 75, 14, 70, 0.9, DetectionEvidence.HeartRateAndMotion));

        // Act 1: the detection.
        _live.Detect(cramp);
        prompt.WaitForAssertion(() => Assert.NotEmpty(prompt.FindAll("[data-testid=cramp-prompt]")));
        var atDetection = JSInterop.Invocations.Count(i => i.Identifier == "nightleg.alert");

        // Act 2: a minute and a half on, still working the leg with the heart up.
        _live.Distress(cramp);

        // Assert: silent at first, one alert with distress.
        Assert.Equal(0, atDetection);
        prompt.WaitForAssertion(() => Assert.Equal(1, JSInterop.Invocations.Count(i => i.Identifier == "nightleg.alert")));
        Assert.Equal("sound", prompt.Find("[data-testid=cramp-prompt]").GetAttribute("data-alert"));
    }

    [Fact]
    public void CrampPrompt_AwakeningDetected_ShowsBigAnswersThenTheFirstGuidanceStep()
    {
        // Arrange
        var prompt = Render<CrampPrompt>();
        Assert.Empty(prompt.FindAll("[data-testid=cramp-prompt]"));

        // Act
        var onset = _time.GetUtcNow();
        _live.Detect(_journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(10), 52, 74, 9, 70, 0.8, DetectionEvidence.HeartRateAndMotion)));
        prompt.WaitForElement("[data-testid=answer-cramp]");
        prompt.Find("[data-testid=answer-cramp]").Click();

        // Assert
        prompt.WaitForAssertion(() => Assert.Equal("Stretch the calf", prompt.Find("[data-testid=guidance-title]").TextContent));
        Assert.Contains("Start 30 s", prompt.Markup);
    }

    [Fact]
    public void CrampPrompt_InNorwegian_SpeaksBokmal()
    {
        var prompt = Render<CrampPrompt>(p => p.AddCascadingValue(new Strings(Language.NorwegianBokmal)));
        var onset = _time.GetUtcNow();

        _live.Detect(_journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(10), 52, 74, 9, 70, 0.8, DetectionEvidence.HeartRateAndMotion)));

        prompt.WaitForAssertion(() => Assert.Equal("Krampe", prompt.Find("[data-testid=answer-cramp]").TextContent));
        Assert.Contains("Ikke krampe", prompt.Markup);
    }

    [Fact]
    public void Tonight_Recording_ShowsHeartRateStateAndStartButton()
    {
        _live.Publish(LiveStatus.Initial with { Connection = ConnectionState.Recording, DeviceName = "Polar H10", HeartRateBpm = 48.4, Sleep = SleepState.Asleep });

        var page = Render<Tonight>();

        Assert.Equal("48", page.Find("[data-testid=heart-rate]").TextContent);
        Assert.Contains("Recording", page.Find("[data-testid=connection]").TextContent);
        Assert.Equal("Asleep", page.Find("[data-testid=sleep-state]").TextContent);
        page.Find("[data-testid=start-night]").Click();
        Assert.Equal(1, _live.Starts);
    }

    [Fact]
    public void Tonight_LowBatteryAndRefusedMovement_SaySoPlainly()
    {
        _live.Publish(LiveStatus.Initial with
        {
            Connection = ConnectionState.Recording, DeviceName = "Polar H10", HeartRateBpm = 55, BatteryPercent = 14,
            Movement = new MovementState(null, new NightLeg.Sync.Devices.MovementProblem(NightLeg.Sync.Devices.MovementProblemKind.Refused, "25 Hz, ±2 G, 16 bit (device in charger)")),
        });

        var page = Render<Tonight>();

        Assert.Equal("🔋 Battery 14 %: charge before you sleep.", page.Find("[data-testid=battery-low]").TextContent);
        Assert.Contains("Movement unavailable: the sensor refused", page.Find("[data-testid=movement-unavailable]").TextContent);
        Assert.Contains("Heart rate is recorded", page.Markup);
    }

    [Fact]
    public void Tonight_BatteryFine_NoWarning()
    {
        _live.Publish(LiveStatus.Initial with { Connection = ConnectionState.Recording, DeviceName = "Polar H10", BatteryPercent = 20 });

        var page = Render<Tonight>();

        Assert.Empty(page.FindAll("[data-testid=battery-low]"));
        Assert.Empty(page.FindAll("[data-testid=movement-unavailable]"));
    }

    [Fact]
    public void Tonight_NoDevice_OffersPairing()
    {
        var page = Render<Tonight>();

        Assert.Contains("Welcome to NightLeg", page.Markup);
        Assert.Equal("devices", page.Find("a.big").GetAttribute("href"));
    }

    [Fact]
    public void NightChart_RendersCrispSvgWithHeartRateGapsAndEvents()
    {
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 120).Select(m => new ChartPoint(start.AddMinutes(m), m is > 50 and < 60 ? null : 50 + (m % 7), m == 90 ? 0.4 : 0.01)).ToList();
        var night = new Night(Night, start, start.AddHours(2), null, null, null, null, [new RecordingGap(start.AddMinutes(51), start.AddMinutes(60), GapReason.LinkLost)], SleepStatistics.None);
        var cramp = CrampEvent.LoggedByHand(Guid.NewGuid(), Night, start.AddMinutes(90), CrampDetails.Empty);

        var chart = Render<NightChart>(p => p
            .Add(c => c.Points, points)
            .Add(c => c.Night, night)
            .Add(c => c.Events, [cramp])
            .Add(c => c.Strings, new Strings(Language.English))
            .Add(c => c.LocalTime, t => Oslo.ToLocal(t).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("0 0 360 230", chart.Find("svg").GetAttribute("viewBox"));
        Assert.Equal(111, chart.Find("polyline.hr").GetAttribute("points")!.Split(' ').Length);
        Assert.Single(chart.FindAll("rect.gap"));
        Assert.Single(chart.FindAll("line.event.confirmed"));
        Assert.Contains(">23:00<", chart.Markup);
    }

    [Fact]
    public void NightChart_NotWornStretch_DrawnAndNamedApartFromALinkGap()
    {
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 120).Select(m => new ChartPoint(start.AddMinutes(m), m is > 30 and < 45 ? null : 52, 0.01)).ToList();
        var night = new Night(Night, start, start.AddHours(2), null, null, null, null,
        [
            new RecordingGap(start.AddMinutes(31), start.AddMinutes(45), GapReason.NotWorn),
            new RecordingGap(start.AddMinutes(80), start.AddMinutes(82), GapReason.LinkLost),
        ], SleepStatistics.None);

        var chart = Render<NightChart>(p => p
            .Add(c => c.Points, points)
            .Add(c => c.Night, night)
            .Add(c => c.Strings, new Strings(Language.English))
            .Add(c => c.LocalTime, t => Oslo.ToLocal(t).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Single(chart.FindAll("rect.gap.not-worn"));
        Assert.Equal(2, chart.FindAll("rect.gap").Count);
        Assert.Contains("Not worn", chart.Find("p.legend").TextContent);
        Assert.Contains("No data", chart.Find("p.legend").TextContent);
        Assert.Equal(TimeSpan.FromMinutes(2), night.GapTime);
        Assert.Equal(TimeSpan.FromMinutes(14), night.NotWornTime);
    }

    [Theory]
    [InlineData(7, true, "morning")]
    [InlineData(7, false, "tonight")]
    [InlineData(22, true, "tonight")]
    public void Home_InTheMorningWithUnreviewedEvents_OpensTheReview(int localHour, bool unreviewed, string expected)
    {
        // Arrange: local time in Oslo (UTC+1 in March) and the night's events.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, localHour - 1, 0, 0, TimeSpan.Zero));
        var nights = new InMemoryNightRepository();
        var journal = new CrampJournal(_events, nights, Oslo, time);
        if (unreviewed)
        {
            var onset = Oslo.ToUtc(Night, new TimeOnly(3, 0));
            journal.RecordDetection(Night, new AwakeningDetected(onset, onset.AddSeconds(9), 50, 70, 9, 60, 0.8, DetectionEvidence.HeartRateAndMotion));
        }

        Services.AddSingleton(Oslo);
        Services.AddTransient(_ => new MorningReviewViewModel(_events, new AwakeningReviewer(new InMemoryEpochRepository()), nights, journal, Oslo, time));
        Services.AddSingleton<TimeProvider>(time);

        // Act
        Render<Home>();

        // Assert
        Assert.EndsWith("/" + expected, Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Strings_EveryTextHasEnglishAndBokmal()
    {
        Assert.All(Strings.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.En), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Nb), s.Key);
        });
        Assert.Equal(Language.NorwegianBokmal, Strings.FromAcceptLanguage("nb-NO,nb;q=0.9,en;q=0.8"));
        Assert.Equal(Language.NorwegianBokmal, Strings.FromAcceptLanguage("no"));
        Assert.Equal(Language.English, Strings.FromAcceptLanguage("en-US,nb;q=0.5"));
        Assert.Equal(Language.English, Strings.FromAcceptLanguage(null));
    }
}
