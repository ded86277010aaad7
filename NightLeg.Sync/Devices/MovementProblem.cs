namespace NightLeg.Sync.Devices;

/// <summary>Why a device that could measure movement is not streaming it.</summary>
public enum MovementProblemKind
{
    /// <summary>The sensor offers no Polar measurement service.</summary>
    NoMeasurementService,

    /// <summary>The sensor offers no accelerometer rate to start.</summary>
    NoAccelerometerRate,

    /// <summary>The sensor refused to start the accelerometer (the detail: the settings and the sensor's answer).</summary>
    Refused,

    /// <summary>Starting the accelerometer failed (the detail: how).</summary>
    StartFailed,

    /// <summary>The watch has no motion service: its firmware is too old.</summary>
    NoMotionService,

    /// <summary>The watch's motion service did not answer (the detail: how).</summary>
    MotionServiceSilent,
}

/// <summary>
/// Why movement is not recorded, as a kind the app words in the user's language and a technical detail
/// (a sensor's own status text, an error) it may add as it is. <see cref="ToString"/> is the log's English. Immutable.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Detail">The technical detail, or null.</param>
public sealed record MovementProblem(MovementProblemKind Kind, string? Detail = null)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        MovementProblemKind.NoMeasurementService => "this sensor offers no Polar measurement service",
        MovementProblemKind.NoAccelerometerRate => "the sensor offers no accelerometer rate",
        MovementProblemKind.Refused => $"the sensor refused to start the accelerometer at {Detail}",
        MovementProblemKind.StartFailed => $"the accelerometer could not be started ({Detail})",
        MovementProblemKind.NoMotionService => "this watch has no motion service: update it to InfiniTime 1.7 or later",
        _ => $"the watch's motion service did not answer ({Detail})",
    };
}
