using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Export;

/// <summary>
/// The <c>nightleg-export</c> format, one place for both directions: each record is written and read
/// here, field by field, so the two cannot drift apart (docs/export-format.md and
/// docs/export.schema.json describe it). Writing is deterministic — fixed field order, instants as
/// UTC ISO-8601 with milliseconds, numbers as stored — so export → import → export gives the same
/// bytes. Reading checks every field and throws <see cref="FormatException"/> naming it.
/// </summary>
public static partial class ExportJson
{
    /// <summary>The format's name, the value of <c>format</c>.</summary>
    public const string FormatName = "nightleg-export";

    /// <summary>The version this build writes and reads (and every older one).</summary>
    public const int Version = 2;

    public static void WriteSettings(Utf8JsonWriter json, UserSettings settings)
    {
        json.WriteStartObject("settings");
        json.WriteString("language", settings.Language?.ToString());
        json.WriteString("sensitivity", settings.Sensitivity.ToString());
        json.WriteString("timeZone", settings.TimeZoneId);
        json.WriteBoolean("promptSound", settings.PromptSound);
        json.WriteString("distance", settings.Distance.ToString());
        json.WriteEndObject();
    }

    public static UserSettings ReadSettings(JsonElement e) => new(
        OptionalEnum<Language>(e, "language"),
        RequiredEnum<Sensitivity>(e, "sensitivity"),
        OptionalString(e, "timeZone"),
        e.GetProperty("promptSound").GetBoolean(),
        e.TryGetProperty("distance", out _) ? OptionalEnum<DistanceUnit>(e, "distance") ?? DistanceUnit.Kilometres : DistanceUnit.Kilometres);

    public static void WriteDevice(Utf8JsonWriter json, PairedDevice? device)
    {
        if (device is null)
        {
            json.WriteNull("device");
            return;
        }

        json.WriteStartObject("device");
        json.WriteString("id", device.Id);
        json.WriteString("name", device.Name);
        json.WriteString("family", device.FamilyId);
        json.WriteString("pairedAt", Iso(device.PairedAt));
        json.WriteBoolean("demo", device.IsDemo);
        json.WriteEndObject();
    }

    public static PairedDevice? ReadDevice(JsonElement e) => e.ValueKind == JsonValueKind.Null
        ? null
        : new PairedDevice(RequiredString(e, "id"), RequiredString(e, "name"), RequiredString(e, "family"), RequiredInstant(e, "pairedAt"), e.GetProperty("demo").GetBoolean());

    public static void WriteSleeper(Utf8JsonWriter json, SleeperProfile? sleeper, SleeperLearning? learning = null)
    {
        if (sleeper is null)
        {
            json.WriteNull("sleeper");
            return;
        }

        json.WriteStartObject("sleeper");
        json.WriteStartArray("riseSeconds");
        foreach (var v in sleeper.RiseSeconds)
        {
            json.WriteNumberValue(Math.Round(v, 2));
        }

        json.WriteEndArray();
        if (learning is { IsEmpty: false } l)
        {
            json.WriteStartObject("learning");
            json.WriteNumber("movementLevel", Math.Round(l.MovementLevel, 4));
            if (l.MovementFloor is { } floor)
            {
                json.WriteNumber("movementFloor", Math.Round(floor, 4));
            }
            else
            {
                json.WriteNull("movementFloor");
            }

            foreach (var (name, examples) in new[] { ("dismissed", l.Dismissed), ("confirmed", l.Confirmed) })
            {
                json.WriteStartArray(name);
                foreach (var e in examples)
                {
                    json.WriteStartObject();
                    Number(json, "activeSeconds", e.ActiveSeconds);
                    Number(json, "heartRateAfterBpm", e.HeartRateAfterBpm);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static (SleeperProfile? Profile, SleeperLearning? Learning) ReadSleeper(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        var bins = e.GetProperty("riseSeconds").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var profile = bins.Count == SleeperProfile.Bins && bins.All(v => double.IsFinite(v) && v >= 0)
            ? new SleeperProfile(bins)
            : throw new FormatException($"sleeper.riseSeconds: expected {SleeperProfile.Bins} non-negative numbers");
        if (!e.TryGetProperty("learning", out var l) || l.ValueKind == JsonValueKind.Null)
        {
            return (profile, null);
        }

        double Level(string name) => l.GetProperty(name).GetDouble() is var v && double.IsFinite(v) && v >= 1 && v <= SleeperLearning.MaximumMovementLevel
            ? v
            : throw new FormatException($"sleeper.learning.{name} is 1–{SleeperLearning.MaximumMovementLevel}");
        List<CourseExample> Examples(string name) => l.GetProperty(name).EnumerateArray()
            .Select(x => new CourseExample(OptionalInt(x, "activeSeconds") is { } a && a >= 0 ? a : null, OptionalDouble(x, "heartRateAfterBpm")))
            .TakeLast(SleeperLearning.Remembered).ToList();
        return (profile, new SleeperLearning(Level("movementLevel"), Examples("dismissed"), Examples("confirmed"),
            l.GetProperty("movementFloor").ValueKind == JsonValueKind.Null ? null : Level("movementFloor")));
    }

    public static string? Iso(DateTimeOffset? instant) => instant?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void NumberValue(Utf8JsonWriter json, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void Bool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } v)
        {
            json.WriteBoolean(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string RequiredString(JsonElement e, string name) =>
        e.GetProperty(name).GetString() is { Length: > 0 } s ? s : throw new FormatException($"{name} is missing or empty");

    private static string? OptionalString(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static double? OptionalDouble(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    private static int? OptionalInt(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    private static bool? OptionalBool(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetBoolean();

    private static DateTimeOffset RequiredInstant(JsonElement e, string name) =>
        OptionalInstant(e, name) ?? throw new FormatException($"{name} is missing");

    private static DateTimeOffset? OptionalInstant(JsonElement e, string name)
    {
        var value = e.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FormatException($"{name}: \"{value.GetString()}\" is not a UTC instant (yyyy-MM-ddTHH:mm:ss.fffZ)");
    }

    private static T RequiredEnum<T>(JsonElement e, string name)
        where T : struct, Enum =>
        OptionalEnum<T>(e, name) ?? throw new FormatException($"{name} is missing");

    private static T? OptionalEnum<T>(JsonElement e, string name)
        where T : struct, Enum
    {
        var value = e.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Enum.TryParse<T>(value.GetString(), ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"{name}: \"{value.GetString()}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }
}
