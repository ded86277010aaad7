namespace NightLeg.Sync.Integrations;

/// <summary>The Home Assistant link.</summary>
public enum HomeAssistantState
{
    /// <summary>No broker set.</summary>
    Off,

    /// <summary>Connecting (or waiting to try again).</summary>
    Connecting,

    /// <summary>Connected: discovery and states published.</summary>
    Connected,

    /// <summary>The last try failed; <see cref="HomeAssistantStatus.Problem"/> says why.</summary>
    Failed,
}
