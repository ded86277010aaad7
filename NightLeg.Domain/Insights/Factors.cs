using NightLeg.Domain.Diary;
using NightLeg.Domain.History;
using NightLeg.Domain.Samples;

namespace NightLeg.Domain.Insights;

/// <summary>
/// The factors the insights look at: what the user tells in the evening check-in, and what the app
/// measures itself (from the chest strap's gravity vector and the night's heart rate). Ids are
/// stable (exports and the insights JSON use them); the app words them. Pure.
/// </summary>
public static class Factors
{
    /// <summary>Ran that day.</summary>
    public const string Ran = "ran";

    /// <summary>A hard run (said hard, or 15 km and more).</summary>
    public const string HardRun = "hardRun";

    /// <summary>The run was mostly on asphalt or concrete.</summary>
    public const string RoadRun = "roadRun";

    /// <summary>Other hard training that day.</summary>
    public const string OtherHardTraining = "otherHardTraining";

    /// <summary>New or different shoes.</summary>
    public const string NewShoes = "newShoes";

    /// <summary>Did not drink enough (answered no to "enough to drink").</summary>
    public const string LittleToDrink = "littleToDrink";

    /// <summary>Alcohol in the evening.</summary>
    public const string Alcohol = "alcohol";

    /// <summary>Magnesium, salt or electrolytes taken.</summary>
    public const string MagnesiumOrSalt = "magnesiumOrSalt";

    /// <summary>A heavy or tucked-in duvet.</summary>
    public const string HeavyDuvet = "heavyDuvet";

    /// <summary>Measured: slept mostly on the stomach (chest strap).</summary>
    public const string OnStomach = "onStomach";

    /// <summary>Measured: slept mostly on the back (chest strap).</summary>
    public const string OnBack = "onBack";

    /// <summary>Measured: less than <see cref="ShortSleepHours"/> hours asleep.</summary>
    public const string ShortSleep = "shortSleep";

    /// <summary>Measured: the night's lowest heart rate <see cref="RestingRiseBpm"/> bpm or more above the usual.</summary>
    public const string RestingHeartRateUp = "restingHeartRateUp";

    /// <summary>Own tags are <c>tag:word</c>.</summary>
    public const string TagPrefix = "tag:";

    /// <summary>Below this much sleep a night is short.</summary>
    public const double ShortSleepHours = 6;

    /// <summary>A lowest heart rate this much above the usual (median of the previous two weeks) counts as raised.</summary>
    public const double RestingRiseBpm = 4;

    /// <summary>Nights before this one whose lowest heart rate makes "the usual".</summary>
    public const int UsualNights = 14;

    /// <summary>True for the factors the app measures (not told by the user).</summary>
    public static bool IsMeasured(string id) => id is OnStomach or OnBack or ShortSleep or RestingHeartRateUp;

    /// <summary>
    /// The factors of one night: told (<paramref name="day"/>), measured (<paramref name="summary"/>,
    /// <paramref name="dominantPosition"/>, <paramref name="usualLowestBpm"/>). A factor is left out
    /// when it is unknown that night.
    /// </summary>
    public static IReadOnlyDictionary<string, bool> Of(DayFactors? day, NightSummary? summary, BodyPosition? dominantPosition, double? usualLowestBpm)
    {
        var factors = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Set(string id, bool? value)
        {
            if (value is { } v)
            {
                factors[id] = v;
            }
        }

        if (day is not null)
        {
            Set(Ran, day.Ran);
            Set(HardRun, day.HardRun);
            Set(RoadRun, day.Ran == false ? false : day.Surface is { } surface ? surface == RunSurface.Road : null);
            Set(OtherHardTraining, day.OtherHardTraining);
            Set(NewShoes, day.NewShoes);
            Set(LittleToDrink, day.EnoughToDrink is { } enough ? !enough : null);
            Set(Alcohol, day.Alcohol);
            Set(MagnesiumOrSalt, day.MagnesiumOrSalt);
            Set(HeavyDuvet, day.HeavyDuvet);
        }

        if (dominantPosition is { } position)
        {
            Set(OnStomach, position == BodyPosition.Stomach);
            Set(OnBack, position == BodyPosition.Back);
        }

        if (summary is { TimeAsleep.TotalMinutes: > 60 })
        {
            Set(ShortSleep, summary.TimeAsleep.TotalHours < ShortSleepHours);
        }

        if (summary?.LowestHeartRateBpm is { } lowest && usualLowestBpm is { } usual)
        {
            Set(RestingHeartRateUp, lowest >= usual + RestingRiseBpm);
        }

        return factors;
    }

    /// <summary>
    /// Each night's facts: cramp night or not, and its factors. Own tags count as present on the nights
    /// that have them and absent on the other checked-in nights (a tag is only ever said when it applies).
    /// A night that was not recorded but has a check-in (told in the app, or a diary brought in) counts with
    /// the day's factors, a cramp night when <paramref name="crampNights"/> has it (cramps logged by hand).
    /// </summary>
    public static IReadOnlyList<NightFacts> ForNights(IReadOnlyList<NightSummary> nights, IReadOnlyDictionary<Nights.NightId, NightDiary> diaries,
        IReadOnlySet<Nights.NightId>? crampNights = null)
    {
        var ordered = nights.OrderBy(n => n.Id.EveningDate).ToList();
        var allTags = diaries.Values.SelectMany(d => d.Factors?.TagList ?? []).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<NightFacts>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var night = ordered[i];
            var earlier = ordered.Take(i).TakeLast(UsualNights).Select(n => n.LowestHeartRateBpm).OfType<double>().Order().ToList();
            double? usual = earlier.Count >= 5 ? earlier[earlier.Count / 2] : null;
            var diary = diaries.GetValueOrDefault(night.Id);
            var factors = new Dictionary<string, bool>(Of(diary?.Factors, night, night.DominantPosition, usual), StringComparer.Ordinal);
            if (diary?.Factors is { } day)
            {
                foreach (var tag in allTags)
                {
                    factors[TagPrefix + tag] = day.TagList.Contains(tag);
                }
            }

            result.Add(new NightFacts(night.Id, night.IsCrampNight, factors));
        }

        var recorded = nights.Select(n => n.Id).ToHashSet();
        foreach (var diary in diaries.Values.Where(d => d.Factors is not null && !recorded.Contains(d.Night)))
        {
            var factors = new Dictionary<string, bool>(Of(diary.Factors, null, null, null), StringComparer.Ordinal);
            foreach (var tag in allTags)
            {
                factors[TagPrefix + tag] = diary.Factors!.TagList.Contains(tag);
            }

            result.Add(new NightFacts(diary.Night, crampNights?.Contains(diary.Night) == true, factors));
        }

        return [.. result.OrderBy(f => f.Night.EveningDate)];
    }
}
