namespace NightLeg.Domain.Cramps;

/// <summary>
/// One thing wrong with the user's input: where, what (a stable code) and the values it concerns. The
/// domain has no words; the app says it in the user's language from its catalogue (<c>error.</c> + code). Immutable.
/// </summary>
/// <param name="Field">The input field, e.g. <c>intensity</c>.</param>
/// <param name="Code">Stable code, e.g. <c>intensity.range</c>.</param>
/// <param name="Arguments">The values the sentence names (a length, a limit, a time), in order.</param>
public sealed record ValidationError(string Field, string Code, IReadOnlyList<object>? Arguments = null)
{
    /// <summary>The arguments, or none.</summary>
    public IReadOnlyList<object> Args => Arguments ?? [];
}
