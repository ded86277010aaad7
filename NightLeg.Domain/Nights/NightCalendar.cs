namespace NightLeg.Domain.Nights;

/// <summary>
/// The one place that converts between UTC instants and the user's local time. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="bullet">
/// <item>A night runs from local noon on its evening date to local noon the next day, so an
/// instant before noon belongs to the previous evening's night. On a spring-forward night that
/// window is 23 hours long, on a fall-back night 25 hours.</item>
/// <item>Durations are always differences of UTC instants: a night from 23:00 to 07:00 local is 7 h
/// of sleep time when the clocks spring forward inside it and 9 h when they fall back.</item>
/// <item>A local time the user enters that does not exist (inside the spring-forward gap) is moved
/// forward by the gap (02:30 → 03:30); one that exists twice (fall-back) means the earlier
/// occurrence (still on summer time). NodaTime calls this the lenient resolver.</item>
/// </list>
/// </remarks>
public sealed class NightCalendar
{
    /// <summary>Local hour at which one night's window ends and the next one's begins.</summary>
    public const int NightBoundaryHour = 12;

    /// <summary>Creates a calendar for <paramref name="zone"/>, whose <see cref="TimeZoneInfo.Id"/> must be an IANA id.</summary>
    public NightCalendar(TimeZoneInfo zone)
    {
        Zone = zone;
        ZoneId = zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
    }

    /// <summary>The user's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id of <see cref="Zone"/>.</summary>
    public string ZoneId { get; }

    /// <summary>The calendar for an IANA time zone id (from the operating system's time-zone data).</summary>
    public static NightCalendar ForZone(string ianaId) => new(TimeZoneInfo.FindSystemTimeZoneById(ianaId));

    /// <summary>The user's calendar — the one rule every part of NightLeg counts nights by: the time zone stored in the settings, else the machine's.</summary>
    public static NightCalendar ForUser(Storage.UserSettings settings) => settings.TimeZoneId is { } zone ? ForZone(zone) : new(TimeZoneInfo.Local);

    /// <summary>The night that <paramref name="instant"/> belongs to.</summary>
    public NightId NightOf(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        return new NightId(local.Hour < NightBoundaryHour ? date.AddDays(-1) : date, ZoneId);
    }

    /// <summary>The instant seen on the user's wall clock (with its UTC offset at that moment).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UTC instant of a local date and time, resolving DST gaps and overlaps by the stated rule.</summary>
    public DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Inside the spring-forward gap: the offset before the gap, i.e. moved forward by the gap.
            var before = Zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var earlier = offsets.Max(); // the larger offset is the earlier instant (still on summer time)
            return new DateTimeOffset(local, earlier).ToUniversalTime();
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The UTC instant of a wall-clock time within <paramref name="night"/>: at or after noon is the evening, before noon the next morning.</summary>
    public DateTimeOffset ToUtc(NightId night, TimeOnly localTime) =>
        ToUtc(localTime.Hour >= NightBoundaryHour ? night.EveningDate : night.EveningDate.AddDays(1), localTime);

    /// <summary>The night's window in UTC: local noon of the evening date to local noon the next day.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Window(NightId night) =>
        (ToUtc(night.EveningDate, new TimeOnly(NightBoundaryHour, 0)), ToUtc(night.EveningDate.AddDays(1), new TimeOnly(NightBoundaryHour, 0)));
}
