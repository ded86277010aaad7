using System.Text.Json;

namespace NightLeg.Sync.Simulation;

/// <summary>What really happened in a synthetic night, for scoring. Immutable.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Device">The device name.</param>
/// <param name="HypnogramId">The hypnogram followed.</param>
/// <param name="Start">UTC start of the recording.</param>
/// <param name="End">UTC end of the recording.</param>
/// <param name="TimeZoneId">The zone.</param>
/// <param name="SleepOnset">UTC instant of the first sleep.</param>
/// <param name="BaselineHeartRateBpm">The simulated sleeper's N2 heart rate.</param>
/// <param name="WakeBouts">Every stretch awake, in time order (including before sleep and the final one).</param>
/// <param name="CrampAwakenings">The cramp awakenings, in time order.</param>
/// <param name="Stages">The night's stage every 30 s from <paramref name="Start"/>, cramps and all (what a lab would have scored).</param>
public sealed record GroundTruth(
    int Seed,
    string Device,
    string HypnogramId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZoneId,
    DateTimeOffset SleepOnset,
    double BaselineHeartRateBpm,
    IReadOnlyList<WakeBout> WakeBouts,
    IReadOnlyList<CrampAwakening> CrampAwakenings,
    IReadOnlyList<SleepStage> Stages)
{
    /// <summary>Writes the truth as JSON (ISO-8601 UTC instants).</summary>
    public void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("seed", Seed);
        json.WriteString("device", Device);
        json.WriteString("hypnogram", HypnogramId);
        json.WriteString("timezone", TimeZoneId);
        json.WriteString("start", Iso(Start));
        json.WriteString("end", Iso(End));
        json.WriteString("sleepOnset", Iso(SleepOnset));
        json.WriteNumber("baselineHeartRateBpm", Math.Round(BaselineHeartRateBpm, 1));
        json.WriteStartArray("wakeBouts");
        foreach (var bout in WakeBouts)
        {
            json.WriteStartObject();
            json.WriteString("onset", Iso(bout.Onset));
            json.WriteString("end", Iso(bout.End));
            json.WriteString("kind", bout.Kind);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("crampAwakenings");
        foreach (var cramp in CrampAwakenings)
        {
            json.WriteStartObject();
            json.WriteString("onset", Iso(cramp.Onset));
            json.WriteString("crampEnd", Iso(cramp.CrampEnd));
            json.WriteString("end", Iso(cramp.End));
            json.WriteNumber("heartRateRiseBpm", Math.Round(cramp.HeartRateRiseBpm, 1));
            json.WriteBoolean("stoodUp", cramp.StoodUp);
            json.WriteBoolean("heartRateDropout", cramp.HeartRateDropout);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("epochStart", Iso(Start));
        json.WriteString("stages", string.Concat(Stages.Select(StageCode)));
        json.WriteEndObject();
    }

    /// <summary>The stage codes of ../shared/data/real-nights: W, 1, 2, 3, 5 (REM).</summary>
    public static char StageCode(SleepStage stage) => stage switch
    {
        SleepStage.Wake => 'W',
        SleepStage.N1 => '1',
        SleepStage.N2 => '2',
        SleepStage.N3 => '3',
        _ => '5',
    };

    /// <summary>Reads truth written by <see cref="WriteJson"/>.</summary>
    public static GroundTruth ReadJson(Stream stream)
    {
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new GroundTruth(
            root.GetProperty("seed").GetInt32(),
            root.GetProperty("device").GetString()!,
            root.GetProperty("hypnogram").GetString()!,
            root.GetProperty("start").GetDateTimeOffset(),
            root.GetProperty("end").GetDateTimeOffset(),
            root.GetProperty("timezone").GetString()!,
            root.GetProperty("sleepOnset").GetDateTimeOffset(),
            root.GetProperty("baselineHeartRateBpm").GetDouble(),
            root.GetProperty("wakeBouts").EnumerateArray()
                .Select(b => new WakeBout(b.GetProperty("onset").GetDateTimeOffset(), b.GetProperty("end").GetDateTimeOffset(), b.GetProperty("kind").GetString()!))
                .ToList(),
            root.GetProperty("crampAwakenings").EnumerateArray()
                .Select(c => new CrampAwakening(c.GetProperty("onset").GetDateTimeOffset(), c.GetProperty("crampEnd").GetDateTimeOffset(),
                    c.GetProperty("end").GetDateTimeOffset(), c.GetProperty("heartRateRiseBpm").GetDouble(), c.GetProperty("stoodUp").GetBoolean(),
                    c.GetProperty("heartRateDropout").GetBoolean()))
                .ToList(),
            root.TryGetProperty("stages", out var stages) ? (stages.GetString() ?? "").Select(FromCode).ToList() : []);
    }

    private static SleepStage FromCode(char code) => code switch
    {
        'W' => SleepStage.Wake,
        '1' => SleepStage.N1,
        '2' => SleepStage.N2,
        '3' => SleepStage.N3,
        _ => SleepStage.Rem,
    };

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
