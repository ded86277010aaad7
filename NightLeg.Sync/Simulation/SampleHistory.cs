using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync.Simulation;

/// <summary>
/// Two months of a runner's diary in a database, up to last night: recorded nights, evening
/// check-ins, and cramps that follow hard or long runs (70 % of those nights, 8 % of the others),
/// each confirmed with the trial fields; the toe lift shortens them. What a new user opens to see what
/// a few weeks with NightLeg look like (never in their own database), and the insights' tests. Deterministic.
/// </summary>
public static class SampleHistory
{
    public const string Zone = "Europe/Oslo";

    public static void Seed(NightLegDatabase database, DateOnly lastNight, int nights = 60, int seed = 13)
    {
        var random = new Random(seed);
        var calendar = NightCalendar.ForZone(Zone);
        var nightRepository = new LiteDbNightRepository(database);
        var events = new LiteDbCrampEventRepository(database);
        var diaries = new LiteDbDiaryRepository(database);
        for (var i = nights - 1; i >= 0; i--)
        {
            var id = new NightId(lastNight.AddDays(-i), Zone);
            var start = calendar.ToUtc(id.EveningDate, new TimeOnly(22, 40)).AddMinutes(random.Next(-30, 30));
            var end = start.AddHours(7.5 + random.NextDouble());
            var asleep = TimeSpan.FromHours(6 + (random.NextDouble() * 1.6));
            var stomach = random.NextDouble() < 0.3;
            var positions = new Dictionary<BodyPosition, int>
            {
                [BodyPosition.Side] = 9000 + random.Next(3000),
                [BodyPosition.Back] = 4000 + random.Next(2000),
                [BodyPosition.Stomach] = stomach ? 14_000 : random.Next(2000),
            };
            nightRepository.Save(new Night(id, start, end, start, end, start.AddMinutes(15), end.AddMinutes(-5), [],
                new SleepStatistics(asleep, 47 + random.Next(5), 52 + random.Next(4)), 90, 80, positions));

            var ran = random.NextDouble() < 0.75;
            var hard = ran && random.NextDouble() < 0.55;
            var km = ran ? (hard ? 16 + random.Next(10) : 5 + random.Next(6)) : (double?)null;
            var factors = new DayFactors(ran, km, ran ? (hard ? RunEffort.Hard : RunEffort.Easy) : null, ran ? (random.NextDouble() < 0.6 ? RunSurface.Road : RunSurface.Trail) : null,
                random.NextDouble() < 0.2, random.NextDouble() < 0.15, random.NextDouble() < 0.7, random.NextDouble() < 0.25, random.NextDouble() < 0.3, random.NextDouble() < 0.4,
                random.NextDouble() < 0.2 ? ["sauna"] : []);
            var cramp = random.NextDouble() < (hard ? 0.7 : 0.08);
            diaries.Save(new NightDiary(id, factors, cramp ? 4 + random.Next(5) : null, cramp ? new LingeringPain(random.NextDouble() < 0.6, 2 + random.Next(4)) : null,
                start.AddHours(-1)));
            if (cramp)
            {
                var toeLift = random.NextDouble() < 0.5;
                var at = start.AddHours(2 + (random.NextDouble() * 4));
                events.Save(CrampEvent.LoggedByHand(Guid.NewGuid(), id, at, new CrampDetails(
                    random.NextDouble() < 0.6 ? Leg.Left : Leg.Right,
                    random.NextDouble() < 0.8 ? CrampLocation.Calf : CrampLocation.Foot,
                    5 + random.Next(5),
                    TimeSpan.FromSeconds(toeLift ? 60 + random.Next(60) : 150 + random.Next(150)),
                    toeLift ? ["shin", "stretch"] : ["stretch"],
                    BackToSleep.AfterDuration(TimeSpan.FromMinutes(toeLift ? 10 + random.Next(10) : 25 + random.Next(20))),
                    null)));
            }
        }
    }
}
