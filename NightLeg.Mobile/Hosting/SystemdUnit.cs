using System.Text;

namespace NightLeg.Mobile.Hosting;

/// <summary>
/// The systemd unit that runs <c>nightleg serve</c> every night: <c>Type=notify</c> (ready once it
/// listens), restarted on failure and by the watchdog, the data folder the only place it may write,
/// and the usual hardening. A system unit (the default) runs as the user's account and may reach the
/// system D-Bus for BlueZ; a user unit (<c>--user</c>) runs in the user's own systemd. Immutable.
/// </summary>
/// <param name="Command">The program and its first arguments (e.g. <c>/usr/bin/dotnet /opt/nightleg/nightleg.dll</c>, or the single-file <c>nightleg</c>).</param>
/// <param name="DatabasePath">The database, absolute.</param>
/// <param name="User">The account a system unit runs as (null in a user unit).</param>
/// <param name="UserUnit">A unit for <c>systemctl --user</c>.</param>
/// <param name="ServeArguments">Further arguments for <c>serve</c> (<c>--lan</c>, <c>--urls …</c>).</param>
/// <param name="BluetoothGroup">Add the <c>bluetooth</c> group (where BlueZ's D-Bus policy admits it; only when the group exists).</param>
/// <param name="FromPackage">The unit the Debian package installs (<see cref="Packaged"/>) rather than one <c>install-service</c> writes.</param>
public sealed record SystemdUnit(IReadOnlyList<string> Command, string DatabasePath, string? User, bool UserUnit, IReadOnlyList<string> ServeArguments, bool BluetoothGroup,
    bool FromPackage = false)
{
    /// <summary>
    /// The unit of the Debian package (packaging/deb/nightleg.service, kept equal to this by a test): the program under
    /// <c>/usr/lib/nightleg</c>, the system user <c>nightleg</c> (in the bluetooth group), its data in <c>/var/lib/nightleg</c>.
    /// </summary>
    public static SystemdUnit Packaged { get; } = new(["/usr/lib/nightleg/nightleg"], "/var/lib/nightleg/nightleg.db", "nightleg", false, ["--lan"], BluetoothGroup: true, FromPackage: true);

    /// <summary>The first line of every unit NightLeg writes: a file without it is not ours and is never overwritten.</summary>
    public const string Marker = "# NightLeg: written by `nightleg install-service`";

    /// <summary>The unit's file name.</summary>
    public const string FileName = "nightleg.service";

    /// <summary>systemd restarts NightLeg when the night's loop has not answered for this long.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromMinutes(2);

    /// <summary>Where the unit goes: <c>/etc/systemd/system</c>, or <c>$XDG_CONFIG_HOME/systemd/user</c> (<c>~/.config/systemd/user</c>).</summary>
    public static string FolderFor(bool userUnit, Func<string, string?> environment)
    {
        if (!userUnit)
        {
            return "/etc/systemd/system";
        }

        var config = environment("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(config))
        {
            config = Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(config, "systemd", "user");
    }

    /// <summary>The commands that start it now and at every boot (or login).</summary>
    public IReadOnlyList<string> EnableCommands() => UserUnit
        ? ["systemctl --user daemon-reload", $"systemctl --user enable --now {FileName}"]
        : ["sudo systemctl daemon-reload", $"sudo systemctl enable --now {FileName}"];

    /// <summary>The unit file's text.</summary>
    public string Render()
    {
        var dataFolder = Path.GetDirectoryName(DatabasePath)!;
        var exec = string.Join(' ', Command.Concat(["serve", "--db", DatabasePath]).Concat(ServeArguments).Select(Quote));
        var unit = new StringBuilder();
        if (FromPackage)
        {
            unit.AppendLine("# NightLeg: installed by its Debian package (enable it: sudo systemctl enable --now nightleg; change it with a drop-in: systemctl edit nightleg)");
        }
        else
        {
            unit.AppendLine(Marker).AppendLine("# (it rewrites this file when run again; edit a drop-in instead: systemctl edit nightleg)");
        }

        unit.AppendLine("[Unit]");
        unit.AppendLine("Description=NightLeg: records the wearable overnight and prompts at a night cramp");
        if (!UserUnit)
        {
            unit.AppendLine("Wants=network-online.target bluetooth.target");
            unit.AppendLine("After=network-online.target bluetooth.target dbus.service");
        }

        unit.AppendLine("StartLimitIntervalSec=10min");
        unit.AppendLine("StartLimitBurst=10");
        unit.AppendLine();
        unit.AppendLine("[Service]");
        unit.AppendLine("Type=notify");
        unit.AppendLine($"ExecStart={exec}");
        if (User is not null)
        {
            unit.AppendLine($"User={User}");
        }

        if (BluetoothGroup)
        {
            unit.AppendLine("# BlueZ admits the bluetooth group on the system D-Bus");
            unit.AppendLine("SupplementaryGroups=bluetooth");
        }

        unit.AppendLine("Environment=DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1");
        unit.AppendLine("Restart=on-failure");
        unit.AppendLine("RestartSec=5s");
        unit.AppendLine($"WatchdogSec={Watchdog.TotalSeconds:0}s");
        unit.AppendLine("TimeoutStartSec=2min");
        unit.AppendLine("TimeoutStopSec=30s");
        unit.AppendLine("# health data: owner-only files; only the data folder is writable");
        unit.AppendLine("UMask=0077");
        unit.AppendLine("NoNewPrivileges=yes");
        unit.AppendLine("LockPersonality=yes");
        unit.AppendLine("RestrictRealtime=yes");
        unit.AppendLine("RestrictSUIDSGID=yes");
        if (UserUnit)
        {
            // ProtectSystem=, PrivateTmp= and the like need user namespaces in a user manager, which
            // not every distribution grants; a unit that fails to start records no night.
            unit.AppendLine("# For ProtectSystem=/PrivateTmp= run `nightleg install-service` (a system unit) instead");
        }
        else
        {
            unit.AppendLine("ProtectSystem=strict");
            unit.AppendLine("ProtectHome=read-only");
            unit.AppendLine($"ReadWritePaths={Quote(dataFolder)}");
            unit.AppendLine("PrivateTmp=yes");
            unit.AppendLine("PrivateDevices=yes");
            unit.AppendLine("ProtectKernelTunables=yes");
            unit.AppendLine("ProtectKernelModules=yes");
            unit.AppendLine("ProtectKernelLogs=yes");
            unit.AppendLine("ProtectControlGroups=yes");
            unit.AppendLine("ProtectClock=yes");
            unit.AppendLine("ProtectHostname=yes");
            unit.AppendLine("RestrictNamespaces=yes");
            unit.AppendLine("CapabilityBoundingSet=");
            unit.AppendLine("# AF_UNIX: the system D-Bus (BlueZ) and the control socket; AF_NETLINK: the LAN addresses");
            unit.AppendLine("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK");
        }

        unit.AppendLine();
        unit.AppendLine("[Install]");
        unit.AppendLine(UserUnit ? "WantedBy=default.target" : "WantedBy=multi-user.target");
        return unit.ToString();
    }

    /// <summary>A word as systemd's command line wants it: in double quotes when it has spaces or quotes; % and $ doubled (no specifiers, no variables).</summary>
    public static string Quote(string word)
    {
        var escaped = word.Replace("%", "%%", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal);
        return escaped.Length > 0 && escaped.All(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '\\' or ';'))
            ? escaped
            : "\"" + escaped.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
