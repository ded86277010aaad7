namespace NightLeg.Sync.Integrations;

/// <summary>Where the Home Assistant link stands. Immutable.</summary>
/// <param name="State">Off, connecting, connected or failed.</param>
/// <param name="Broker">The broker (without its password).</param>
/// <param name="Problem">What went wrong, when it failed.</param>
public sealed record HomeAssistantStatus(HomeAssistantState State, string? Broker, HomeAssistantProblem? Problem)
{
    /// <summary>No broker set.</summary>
    public static HomeAssistantStatus Off { get; } = new(HomeAssistantState.Off, null, null);
}

/// <summary>Why the broker cannot be used.</summary>
public enum HomeAssistantProblemKind
{
    /// <summary>It refused the user name or password.</summary>
    Credentials,

    /// <summary>It refused the connection for another reason (the detail: its answer).</summary>
    Refused,

    /// <summary>Nothing listens at its address.</summary>
    NothingAnswers,

    /// <summary>Its address cannot be reached (the detail: how).</summary>
    Unreachable,

    /// <summary>The connection was lost.</summary>
    Lost,

    /// <summary>Anything else (the detail: what).</summary>
    Other,
}

/// <summary>
/// Why Home Assistant is not reached: a kind the app words in the user's language, the broker (without its
/// password) and a technical detail. <see cref="ToString"/> is the log's English. Immutable.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Broker">The broker, as shown.</param>
/// <param name="Detail">The technical detail, or null.</param>
public sealed record HomeAssistantProblem(HomeAssistantProblemKind Kind, string Broker, string? Detail = null)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        HomeAssistantProblemKind.Credentials => $"the broker {Broker} refused the user name or password",
        HomeAssistantProblemKind.Refused => $"the broker {Broker} refused the connection ({Detail})",
        HomeAssistantProblemKind.NothingAnswers => $"nothing answers at {Broker} (connection refused)",
        HomeAssistantProblemKind.Unreachable => $"cannot reach {Broker}: {Detail}",
        HomeAssistantProblemKind.Lost => $"the connection to {Broker} was lost",
        _ => $"cannot connect to {Broker}: {Detail}",
    };
}
