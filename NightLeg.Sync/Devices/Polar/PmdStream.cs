namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// One PMD measurement stream's state, learnt from the control point's answers as they pass
/// (Polar BLE SDK keeps the same per measurement type): what the sensor offered, the settings
/// started (by the same rule the host used: <see cref="PmdAccSettings.ForSleep"/>), the FACTOR of
/// the start answer, and the previous frame's timestamp. Not thread-safe.
/// </summary>
internal sealed class PmdStream
{
    /// <summary>What the sensor answered to "get settings", if seen.</summary>
    public PmdSettings? Offered { get; set; }

    /// <summary>The sample rate started, when known (a start answer after a settings answer).</summary>
    public int? SampleRateHz { get; set; }

    /// <summary>Scale of compressed frames (1 when the start answer carried none).</summary>
    public float Factor { get; set; } = 1.0f;

    /// <summary>The previous frame's sensor timestamp, ns; null at the start of a stream.</summary>
    public ulong? PreviousTimestampNs { get; set; }

    /// <summary>
    /// A first frame held back because the rate is not known (a capture without the settings
    /// answer): the next frame's timestamp spaces both. With its arrival time.
    /// </summary>
    public (byte[] Frame, DateTimeOffset ArrivedAt)? Pending { get; set; }

    /// <summary>A start answered with success: a fresh time base, the rate from what was offered.</summary>
    public void Started(PmdSettings? startParameters)
    {
        PreviousTimestampNs = null;
        Pending = null;
        Factor = startParameters?.Factor ?? 1.0f;
        SampleRateHz = Offered is { } offered ? PmdAccSettings.ForSleep(offered)?.SampleRateHz : null;
    }
}
