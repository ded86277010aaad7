namespace NightLeg.Domain.Nights;

/// <summary>Why part of a night has no data.</summary>
public enum GapReason
{
    /// <summary>No usable samples arrived (sensor contact lost, values of 0, or silence).</summary>
    NoData,

    /// <summary>The Bluetooth link was lost and had to be re-established.</summary>
    LinkLost,

    /// <summary>The wearable reported no skin contact for a stretch: it was not worn (a strap taken off). Not asleep, not a link problem.</summary>
    NotWorn,
}
