namespace NightLeg.Sync.Capture;

/// <summary>The header of a capture: its <c># key: value</c> lines. Immutable.</summary>
/// <param name="Fields">Every header field by lowercase key (<c>device</c>, <c>timezone</c>, …).</param>
public sealed record CaptureHeader(IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The first line of every capture.</summary>
    public const string MagicLine = "# nightleg-capture 1";

    /// <summary>The device that was recorded, e.g. <c>Polar H10 5E8F3A21</c>.</summary>
    public string? Device => Fields.GetValueOrDefault("device");

    /// <summary>The IANA time zone the night was lived in.</summary>
    public string? TimeZone => Fields.GetValueOrDefault("timezone");

    /// <summary>A header with a device and a time zone.</summary>
    public static CaptureHeader Create(string? device, string? timeZone, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (device is not null)
        {
            fields["device"] = device;
        }

        if (timeZone is not null)
        {
            fields["timezone"] = timeZone;
        }

        foreach (var (key, value) in more ?? [])
        {
            fields[key.ToLowerInvariant()] = value;
        }

        return new CaptureHeader(fields);
    }
}
