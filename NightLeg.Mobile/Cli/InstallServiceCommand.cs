using System.CommandLine;
using NightLeg.Mobile.Hosting;
using NightLeg.Sync.Files;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg install-service [--user] [--print]</c>: writes the systemd unit that runs NightLeg at
/// every boot (<see cref="SystemdUnit"/>) and says the two commands that enable it. A file of that
/// name that NightLeg did not write is never replaced.
/// </summary>
public static class InstallServiceCommand
{
    public static Command Create()
    {
        var user = new Option<bool>("--user") { Description = "A unit for your own systemd (systemctl --user) instead of a system unit." };
        var print = new Option<bool>("--print") { Description = "Print the unit instead of writing it." };
        var db = DatabaseOption.Create("The database the service records into (default: your default database).");
        var lan = new Option<bool>("--lan") { Description = "The service listens on the local network (for a phone), as serve --lan." };
        var urls = ServeCommand.UrlsOption("Where the service listens, as serve --urls.");
        var command = new Command("install-service", "Run NightLeg as a systemd service: started at boot, restarted if it fails or hangs.") { user, print, db, lan, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var unit = For(parse.GetValue(user), parse.GetValue(db)?.FullName, parse.GetValue(lan), parse.GetValue(urls), Environment.GetEnvironmentVariable);
            var text = unit.Render();
            if (parse.GetValue(print))
            {
                await output.WriteAsync(text);
                return 0;
            }

            var folder = SystemdUnit.FolderFor(unit.UserUnit, Environment.GetEnvironmentVariable);
            if (unit.UserUnit)
            {
                Directory.CreateDirectory(folder);
            }

            var path = OutputFile.Check(Path.Combine(folder, SystemdUnit.FileName), "NightLeg unit", s => OutputFile.StartsWith(s, SystemdUnit.Marker));
            try
            {
                OutputFile.WriteAll([(path, s => s.Write(System.Text.Encoding.UTF8.GetBytes(text)))], ownerOnly: false);
            }
            catch (FileRefusedException e) when (!unit.UserUnit && e.InnerException is UnauthorizedAccessException)
            {
                throw new CliFailure($"{path} cannot be written: permission denied. Run it with sudo, or use --user (or --print)", 1, e);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            await output.WriteLineAsync($"Wrote {path} (NightLeg records into {unit.DatabasePath}).");
            await output.WriteLineAsync("Start it now and at every " + (unit.UserUnit ? "login" : "boot") + ":");
            foreach (var line in unit.EnableCommands())
            {
                await output.WriteLineAsync("  " + line);
            }

            if (unit.UserUnit)
            {
                await output.WriteLineAsync($"To keep it running while you are logged out: loginctl enable-linger {Environment.UserName}");
            }

            await output.WriteLineAsync($"Its log: {(unit.UserUnit ? "journalctl --user" : "journalctl")} -u {SystemdUnit.FileName} -f");
            return 0;
        });
        return command;
    }

    /// <summary>The unit for this program, this account and these options.</summary>
    public static SystemdUnit For(bool userUnit, string? databasePath, bool lan, string? urls, Func<string, string?> environment)
    {
        // Under sudo, the service is for the account that ran sudo, with that account's database.
        var sudoUser = userUnit ? null : environment("SUDO_USER");
        var account = sudoUser is { Length: > 0 } && sudoUser != "root" ? sudoUser : Environment.UserName;
        var home = sudoUser is { Length: > 0 } && HomeOf(sudoUser) is { } sudoHome ? sudoHome : null;
        var database = databasePath ?? DatabaseOptions.DefaultPath(name => name switch
        {
            "HOME" when home is not null => home,
            "XDG_DATA_HOME" when home is not null => null,
            _ => environment(name),
        });
        var serve = new List<string>();
        if (lan)
        {
            serve.Add("--lan");
        }

        if (urls is not null)
        {
            serve.Add("--urls");
            serve.Add(urls);
        }

        // A line break in a value written into the unit would be a line of the unit (an injected ExecStartPre=):
        // refused, like every other control character, before anything is written.
        foreach (var (what, value) in new[] { ("the database path", database), ("--urls", urls ?? ""), ("the program's path", string.Join(' ', ProgramCommand())), ("the account", account) })
        {
            if (value.Any(char.IsControl))
            {
                throw new CliFailure($"{what} holds a line break or another control character; a systemd unit cannot carry it", 2);
            }
        }

        return new SystemdUnit(ProgramCommand(), Path.GetFullPath(database), userUnit ? null : account, userUnit, serve,
            BluetoothGroup: !userUnit && GroupExists("bluetooth"));
    }

    /// <summary>How to start this very program: the app host or single file, else <c>dotnet nightleg.dll</c>.</summary>
    public static IReadOnlyList<string> ProgramCommand()
    {
        var process = Environment.ProcessPath ?? "nightleg";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, "nightleg.dll")]
            : [process];
    }

    private static string? HomeOf(string account) =>
        File.Exists("/etc/passwd")
            ? File.ReadLines("/etc/passwd").Select(l => l.Split(':')).FirstOrDefault(f => f.Length >= 7 && f[0] == account)?[5]
            : null;

    private static bool GroupExists(string group) =>
        File.Exists("/etc/group") && File.ReadLines("/etc/group").Any(l => l.StartsWith(group + ":", StringComparison.Ordinal));
}
