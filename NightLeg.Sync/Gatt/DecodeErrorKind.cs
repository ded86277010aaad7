namespace NightLeg.Sync.Gatt;

/// <summary>What kind of problem a payload has.</summary>
public enum DecodeErrorKind
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>Fewer bytes than the payload's own flags or header promise.</summary>
    TooShort,

    /// <summary>Bytes left over, or a length that is not a whole number of fields.</summary>
    LengthMismatch,

    /// <summary>A value outside what the specification allows.</summary>
    InvalidValue,

    /// <summary>Well-formed, but a kind NightLeg does not decode.</summary>
    Unsupported,
}
