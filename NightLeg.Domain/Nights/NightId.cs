namespace NightLeg.Domain.Nights;

/// <summary>
/// Identifies a night: the local calendar date of its evening plus the IANA time zone it was
/// lived in. The night of Saturday 28 March in Oslo is <c>2026-03-28@Europe/Oslo</c>, even though
/// most of it falls on the Sunday. Immutable.
/// </summary>
/// <param name="EveningDate">Local date of the evening the night began.</param>
/// <param name="TimeZoneId">IANA time zone id, e.g. <c>Europe/Oslo</c>.</param>
public readonly record struct NightId(DateOnly EveningDate, string TimeZoneId)
{
    /// <summary><c>yyyy-MM-dd@Zone</c>, stable for storage and URLs.</summary>
    public override string ToString() => $"{EveningDate:yyyy-MM-dd}@{TimeZoneId}";

    /// <summary>The earliest evening a night may have (no wearable recorded a night before it).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The latest evening a night may have.</summary>
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>
    /// Parses the form written by <see cref="ToString"/> — and only a night that can be: an evening from
    /// <see cref="Earliest"/> to <see cref="Latest"/> and a time zone this machine knows by an IANA id
    /// (letters, digits, <c>/ _ + -</c>). Text from outside (an import, a URL) is never taken on trust:
    /// <c>2026-03-10@Europe/Oslo,=HYPERLINK(…)</c> is not a night.
    /// </summary>
    public static bool TryParse(string? text, out NightId id)
    {
        id = default;
        var at = text?.IndexOf('@') ?? -1;
        if (at <= 0 || !DateOnly.TryParseExact(text![..at], "yyyy-MM-dd", out var date) || at == text.Length - 1 || date < Earliest || date > Latest)
        {
            return false;
        }

        var zone = text[(at + 1)..];
        if (zone.Length > 64 || !zone.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '+' or '-') || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return false;
        }

        id = new NightId(date, zone);
        return true;
    }
}
