using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;

namespace NightLeg.Domain.Insights;

/// <summary>
/// A cramp diary for a doctor over a span of nights, with the fields trials report (Sebo 2019,
/// Roguin Maor 2017, Hallegraeff 2012): cramps per night and per week, intensity 0–10, duration,
/// location and leg, sleep disturbance 0–10, lingering pain, what helped, and the day's factors.
/// Immutable; <see cref="Build"/> makes it.
/// </summary>
/// <param name="From">First evening of the span.</param>
/// <param name="To">Last evening of the span.</param>
/// <param name="Days">Nights in the span.</param>
/// <param name="NightsRecorded">Nights with a recording.</param>
/// <param name="NightsWithData">Nights NightLeg knows anything of: recorded, or a cramp or a diary logged by hand. The others are not counted as cramp-free.</param>
/// <param name="CrampNights">Nights with at least one cramp.</param>
/// <param name="Cramps">Cramps (confirmed or logged by hand).</param>
/// <param name="IntensityMedian">Median intensity 0–10, when told.</param>
/// <param name="IntensityMax">Highest intensity.</param>
/// <param name="DurationMedian">Median duration, when told.</param>
/// <param name="Locations">Cramps per location (calf, foot, thigh, other), when told.</param>
/// <param name="Legs">Cramps per leg, when told.</param>
/// <param name="SleepDisturbanceMean">Mean sleep disturbance 0–10 over the nights answered.</param>
/// <param name="SleepDisturbanceNights">Nights answered.</param>
/// <param name="LingeringPainMornings">Mornings with lingering pain.</param>
/// <param name="LingeringPainAnswered">Mornings answered.</param>
/// <param name="WhatHelped">Times each thing helped (guidance step ids or the user's words).</param>
/// <param name="TimeOfNight">Cramps per part of the night: before midnight, 00–03, 03–06, after 06 (local).</param>
/// <param name="FactorNights">For each factor, nights it was present / nights it was answered.</param>
/// <param name="Nights">One line per night of the span with anything to report, oldest first.</param>
public sealed record DoctorReport(
    DateOnly From,
    DateOnly To,
    int Days,
    int NightsRecorded,
    int NightsWithData,
    int CrampNights,
    int Cramps,
    double? IntensityMedian,
    int? IntensityMax,
    TimeSpan? DurationMedian,
    IReadOnlyDictionary<CrampLocation, int> Locations,
    IReadOnlyDictionary<Leg, int> Legs,
    double? SleepDisturbanceMean,
    int SleepDisturbanceNights,
    int LingeringPainMornings,
    int LingeringPainAnswered,
    IReadOnlyDictionary<string, int> WhatHelped,
    IReadOnlyList<int> TimeOfNight,
    IReadOnlyDictionary<string, (int Present, int Answered)> FactorNights,
    IReadOnlyList<DoctorReportNight> Nights)
{
    /// <summary>Nights logged by hand only (a cramp or a diary, no recording).</summary>
    public int NightsLoggedByHand => NightsWithData - NightsRecorded;

    /// <summary>Nights of the span NightLeg knows nothing of: neither cramp-free nor not.</summary>
    public int NightsWithoutData => Days - NightsWithData;

    /// <summary>Cramps per night over the nights with data; null when there are none.</summary>
    public double? CrampsPerNight => NightsWithData == 0 ? null : (double)Cramps / NightsWithData;

    /// <summary>Cramps per week over the nights with data; null when there are none.</summary>
    public double? CrampsPerWeek => CrampsPerNight * 7;

    /// <summary>Builds the report for evenings <paramref name="from"/>–<paramref name="to"/>.</summary>
    public static DoctorReport Build(DateOnly from, DateOnly to, IReadOnlyList<NightSummary> summaries, IReadOnlyList<CrampEvent> events,
        IReadOnlyList<NightDiary> diaries, NightCalendar calendar)
    {
        bool InSpan(NightId n) => n.EveningDate >= from && n.EveningDate <= to;
        var cramps = events.Where(e => e.IsConfirmedCramp && InSpan(e.Night)).OrderBy(e => e.At).ToList();
        var nightDiaries = diaries.Where(d => InSpan(d.Night)).ToDictionary(d => d.Night);
        var recorded = summaries.Where(s => InSpan(s.Id)).ToList();
        var intensities = cramps.Select(c => c.Details.Intensity).OfType<int>().Order().ToList();
        var disturbance = nightDiaries.Values.Select(d => d.SleepDisturbance).OfType<int>().ToList();
        var pain = nightDiaries.Values.Select(d => d.LingeringPain).OfType<LingeringPain>().ToList();
        var timeOfNight = new int[4];
        foreach (var cramp in cramps)
        {
            var hour = calendar.ToLocal(cramp.At).Hour;
            timeOfNight[hour >= 12 ? 0 : hour < 3 ? 1 : hour < 6 ? 2 : 3]++;
        }

        var facts = Factors.ForNights(recorded, nightDiaries, cramps.Select(c => c.Night).ToHashSet());
        var factorNights = facts.SelectMany(f => f.Factors).GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(f => f.Value), g.Count()), StringComparer.Ordinal);
        var nights = recorded.Select(s => s.Id).Concat(cramps.Select(c => c.Night)).Concat(nightDiaries.Keys).Distinct()
            .OrderBy(n => n.EveningDate)
            .Select(n =>
            {
                var own = cramps.Where(c => c.Night == n).ToList();
                var diary = nightDiaries.GetValueOrDefault(n);
                return new DoctorReportNight(n.EveningDate, own.Count, own.Select(c => c.Details.Intensity).Max(), own.Select(c => c.Details.Location).FirstOrDefault(l => l is not null),
                    diary?.SleepDisturbance, diary?.LingeringPain, recorded.Any(s => s.Id == n));
            })
            .ToList();
        return new DoctorReport(
            from,
            to,
            to.DayNumber - from.DayNumber + 1,
            recorded.Count,
            nights.Count,
            cramps.Select(c => c.Night).Distinct().Count(),
            cramps.Count,
            intensities.Count == 0 ? null : intensities.Count % 2 == 1 ? intensities[intensities.Count / 2] : (intensities[(intensities.Count / 2) - 1] + intensities[intensities.Count / 2]) / 2.0,
            intensities.Count == 0 ? null : intensities[^1],
            WhatHelps.Median(cramps.Select(c => c.Details.Duration)),
            cramps.Select(c => c.Details.Location).OfType<CrampLocation>().GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count()),
            cramps.Select(c => c.Details.Leg).OfType<Leg>().GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count()),
            disturbance.Count == 0 ? null : disturbance.Average(),
            disturbance.Count,
            pain.Count(p => p.Had),
            pain.Count,
            cramps.SelectMany(c => c.Details.WhatHelped).GroupBy(h => h, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            timeOfNight,
            factorNights,
            nights);
    }
}
