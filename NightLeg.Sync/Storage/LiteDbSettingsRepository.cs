using LiteDB;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>The user's settings (one document). Thread-safe.</summary>
public sealed class LiteDbSettingsRepository(NightLegDatabase database) : ISettingsRepository
{
    private const string UserId = "user";
    /// <inheritdoc />
    public UserSettings Get() => database.Read(Collections.Settings, c => c.FindById(UserId)) is { } d
        ? new UserSettings(
            d["language"].IsNull ? null : Enum.Parse<Language>(d["language"].AsString),
            Enum.Parse<Sensitivity>(d["sensitivity"].AsString),
            d["timeZone"].IsNull ? null : d["timeZone"].AsString,
            d.TryGetValue("promptSound", out var sound) && sound.IsBoolean && sound.AsBoolean,
            d.TryGetValue("distance", out var distance) && distance.IsString && Enum.TryParse<DistanceUnit>(distance.AsString, out var unit) ? unit : DistanceUnit.Kilometres)
        : UserSettings.Default;

    /// <inheritdoc />
    public void Save(UserSettings settings)
    {
        var doc = new BsonDocument
        {
            ["_id"] = UserId,
            ["language"] = settings.Language?.ToString() ?? BsonValue.Null,
            ["sensitivity"] = settings.Sensitivity.ToString(),
            ["timeZone"] = settings.TimeZoneId ?? BsonValue.Null,
            ["promptSound"] = settings.PromptSound,
            ["distance"] = settings.Distance.ToString(),
        };
        database.Write(Collections.Settings, c => c.Upsert(doc));
    }
}
