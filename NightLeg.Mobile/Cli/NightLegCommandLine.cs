using System.CommandLine;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// The <c>nightleg</c> command line. Only commands that are built appear here; running with no
/// command is the same as <c>nightleg serve</c>.
/// </summary>
public static class NightLegCommandLine
{
    /// <summary>The name of <c>--verbose</c>, on every command: a failure also prints its stack trace.</summary>
    public const string VerboseName = "--verbose";

    /// <summary>The command line; <paramref name="time"/> is the one clock every command reads.</summary>
    public static RootCommand Create(TimeProvider time)
    {
        var root = new RootCommand(
            "NightLeg: records heart rate and movement from a wearable overnight, notices a " +
            "sudden awakening and helps with a night-time calf cramp.");

        var serve = ServeCommand.Create(time);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create(time));
        root.Subcommands.Add(LinkCommand.Create());
        root.Subcommands.Add(BackupCommand.Create(time));
        root.Subcommands.Add(ExportCommand.Create(time));
        root.Subcommands.Add(ImportCommand.Create(time));
        root.Subcommands.Add(InsightsCommand.Create(time));
        root.Subcommands.Add(InstallServiceCommand.Create());
        root.Options.Add(new Option<bool>(VerboseName) { Description = "On failure, also print the details (stack trace).", Recursive = true });

        // No command: serve with the same options (`nightleg --urls …` works like `nightleg serve --urls …`).
        ServeCommand.AttachTo(root, time);
        return root;
    }
}
