namespace NightLeg.Sync.Export;

/// <summary>
/// One text cell of a CSV export, safe to open in a spreadsheet: quoted when it holds a comma, quote or line
/// break, and a cell that a spreadsheet would take for a formula — starting with <c>= + - @</c>, a tab or a
/// carriage return — is prefixed with an apostrophe, as OWASP's CSV-injection advice and the spreadsheets
/// themselves expect. Pure.
/// </summary>
public static class CsvCell
{
    /// <summary>The cell for <paramref name="value"/> (empty for null).</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
