using System.Diagnostics.CodeAnalysis;

namespace NightLeg.Sync.Gatt;

/// <summary>A decoded value or the <see cref="DecodeError"/> that prevented it. Immutable.</summary>
/// <typeparam name="T">The decoded type.</typeparam>
public readonly struct DecodeResult<T>
{
    private DecodeResult(T? value, DecodeError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>The error when not <see cref="IsSuccess"/>.</summary>
    public DecodeError? Error { get; }

    /// <summary>True when decoding succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A decoded value.</summary>
    public static DecodeResult<T> Success(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static DecodeResult<T> Failure(DecodeErrorKind kind, string message) => new(default, new DecodeError(kind, message));

    /// <summary>A failure passed on from another decoder.</summary>
    public static DecodeResult<T> Failure(DecodeError error) => new(default, error);
}
