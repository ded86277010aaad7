namespace NightLeg.Domain.Storage;

/// <summary>Stores the user's settings. Implementations are thread-safe.</summary>
public interface ISettingsRepository
{
    /// <summary>The settings, or <see cref="UserSettings.Default"/> when none were saved.</summary>
    UserSettings Get();

    /// <summary>Saves the settings.</summary>
    void Save(UserSettings settings);
}
