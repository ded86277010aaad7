using System.CommandLine;
using LiteDB;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// The one entry to the <c>nightleg</c> command line (Program and tests alike): parses, runs, and
/// turns every failure into one line on stderr — <c>nightleg: &lt;what&gt;: &lt;problem&gt;</c> — with a
/// non-zero exit code (2 for a wrong option, 1 otherwise). <c>--verbose</c> adds the stack trace.
/// </summary>
public static class NightLegCli
{
    /// <summary>Runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var root = NightLegCommandLine.Create(time);
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (InvalidOperationException e)
        {
            // A value the parser could not even convert, met by a validator we do not own: still one line.
            await error.WriteLineAsync($"nightleg: {FirstLine(e.Message)} (see nightleg --help)");
            return 2;
        }

        var verbose = args.Contains(NightLegCommandLine.VerboseName, StringComparer.Ordinal);
        if (parse.Errors.Count > 0)
        {
            // One line per problem, whatever the parser's own message looks like (its "one of" lists span lines);
            // its "Cannot parse argument 'abc' for option '--x' as expected type 'System.Double'" gives way to ours.
            var problems = parse.Errors.Select(e => OneLine(e.Message)).Distinct().ToList();
            foreach (var problem in problems.Where(p => UnparsedOption(p) is not { } option || !problems.Any(q => q.StartsWith(option + " ", StringComparison.Ordinal))))
            {
                await error.WriteLineAsync($"nightleg: {problem} (see nightleg --help)");
            }

            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"nightleg: {Describe(e)}");
            if (verbose)
            {
                await error.WriteLineAsync(e.ToString());
            }

            return e is CliFailure failure ? failure.ExitCode : 1;
        }
    }

    /// <summary>One line for a failure: the message of what NightLeg knows, the type as well for what it did not expect.</summary>
    public static string Describe(Exception e) => e switch
    {
        CliFailure or StorageException or Sync.Files.FileRefusedException => e.Message,
        CaptureFormatException capture => $"not a valid capture: {capture.Message}",
        IOException or UnauthorizedAccessException => FirstLine(e.Message),
        LiteException => $"database: {FirstLine(e.Message)}",
        _ => $"unexpected {e.GetType().Name}: {FirstLine(e.Message)} (run with --verbose for the details)",
    };

    /// <summary>The option named by the parser's "Cannot parse argument … for option '--x' …" message, or null.</summary>
    private static string? UnparsedOption(string problem) =>
        System.Text.RegularExpressions.Regex.Match(problem, @"^Cannot parse argument .* for option '(?<option>--[a-z-]+)'") is { Success: true } m ? m.Groups["option"].Value : null;

    private static string OneLine(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"\s*[\r\n]+\s*", " ").Replace("\t", " ", StringComparison.Ordinal);

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
