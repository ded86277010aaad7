namespace NightLeg.Domain.Cramps;

/// <summary>Either a value or the reasons there is none. Immutable.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Outcome<T>
    where T : class
{
    private Outcome(T? value, IReadOnlyList<ValidationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value, when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>What is wrong, when not <see cref="Succeeded"/>.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when there is a value.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>A success.</summary>
    public static Outcome<T> Success(T value) => new(value, []);

    /// <summary>A refusal with at least one reason.</summary>
    public static Outcome<T> Failure(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs a reason.", nameof(errors)) : new(null, errors);

    /// <summary>A refusal with one reason.</summary>
    public static Outcome<T> Failure(string field, string code) => Failure([new ValidationError(field, code)]);
}
