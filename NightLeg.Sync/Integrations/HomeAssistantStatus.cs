namespace NightLeg.Sync.Integrations;

/// <summary>Where the Home Assistant link stands. Immutable.</summary>
/// <param name="State">Off, connecting, connected or failed.</param>
/// <param name="Broker">The broker (without its password).</param>
/// <param name="Problem">What went wrong, in a sentence, when it failed.</param>
public sealed record HomeAssistantStatus(HomeAssistantState State, string? Broker, string? Problem)
{
    /// <summary>No broker set.</summary>
    public static HomeAssistantStatus Off { get; } = new(HomeAssistantState.Off, null, null);
}
