using NightLeg.Domain.Storage;

namespace NightLeg.Tests.Fakes;

/// <summary>Settings in memory (thread-safe enough for tests: one value swapped atomically).</summary>
public sealed class InMemorySettingsRepository(UserSettings? initial = null) : ISettingsRepository
{
    private UserSettings _settings = initial ?? UserSettings.Default;

    public UserSettings Get() => Volatile.Read(ref _settings);

    public void Save(UserSettings settings) => Volatile.Write(ref _settings, settings);
}
