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

    /// <summary>Parses the form written by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? text, out NightId id)
    {
        id = default;
        var at = text?.IndexOf('@') ?? -1;
        if (at <= 0 || !DateOnly.TryParseExact(text![..at], "yyyy-MM-dd", out var date) || at == text.Length - 1)
        {
            return false;
        }

        id = new NightId(date, text[(at + 1)..]);
        return true;
    }
}
