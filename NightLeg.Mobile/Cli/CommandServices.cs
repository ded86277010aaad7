using Microsoft.Extensions.DependencyInjection;
using NightLeg.Sync;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// What a command other than <c>serve</c> works with: storage and the domain over an open database,
/// composed by the same <see cref="NightLegSyncServiceCollectionExtensions"/> methods <c>serve</c> uses, so a
/// command and the app read and write the same way. Nothing is started (no hosted service runs).
/// </summary>
public static class CommandServices
{
    /// <summary>The services over <paramref name="database"/>; disposing them leaves the database open (its owner closes it).</summary>
    public static ServiceProvider Over(NightLegDatabase database, TimeProvider time) =>
        new ServiceCollection()
            .AddSingleton(time)
            .AddNightLegStorage(database)
            .AddNightLegDomain()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
}
