namespace NightLeg.Sync.Gatt;

/// <summary>Why a payload could not be decoded, in words that name the broken field. Immutable.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">What is wrong, naming the field and the byte counts.</param>
public sealed record DecodeError(DecodeErrorKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
