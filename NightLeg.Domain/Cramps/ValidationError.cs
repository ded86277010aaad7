namespace NightLeg.Domain.Cramps;

/// <summary>
/// One thing wrong with the user's input, with a message they understand. <see cref="Code"/> is
/// stable, so the app can show the message in the user's language. Immutable.
/// </summary>
/// <param name="Field">The input field, e.g. <c>intensity</c>.</param>
/// <param name="Code">Stable code, e.g. <c>intensity.range</c>.</param>
/// <param name="Message">Plain English message for the user.</param>
/// <param name="Arguments">The values the message names (a length, a limit, a time), in order, so a translation keyed by <see cref="Code"/> can name them too.</param>
public sealed record ValidationError(string Field, string Code, string Message, IReadOnlyList<object>? Arguments = null)
{
    /// <summary>The arguments, or none.</summary>
    public IReadOnlyList<object> Args => Arguments ?? [];
}
