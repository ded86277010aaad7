namespace NightLeg.Mobile.Cli;

/// <summary>
/// A command cannot do what it was asked; the message is the one line the user sees (naming the
/// path or option and the problem). <see cref="ExitCode"/> is 2 for a wrong option, 1 otherwise.
/// </summary>
public sealed class CliFailure(string message, int exitCode = 1, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
