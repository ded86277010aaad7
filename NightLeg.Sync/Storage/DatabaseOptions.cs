namespace NightLeg.Sync.Storage;

/// <summary>Where the database is and how it is protected. Immutable.</summary>
/// <param name="Path">The database file.</param>
/// <param name="Password">AES password for encryption at rest, or null for none.</param>
public sealed record DatabaseOptions(string Path, string? Password = null)
{
    /// <summary>Environment variable holding the database password.</summary>
    public const string PasswordVariable = "NIGHTLEG_DB_PASSWORD";

    /// <summary>Environment variable naming a key file (owner-only permissions) holding the password.</summary>
    public const string KeyFileVariable = "NIGHTLEG_DB_KEY_FILE";

    /// <summary>
    /// The default location: <c>$XDG_DATA_HOME/nightleg/nightleg.db</c>, else
    /// <c>~/.local/share/nightleg/nightleg.db</c>.
    /// </summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            dataHome = System.IO.Path.Combine(home, ".local", "share");
        }

        return System.IO.Path.Combine(dataHome, "nightleg", "nightleg.db");
    }

    /// <summary>
    /// The password from configuration: <see cref="PasswordVariable"/>, else the file named by
    /// <see cref="KeyFileVariable"/> (refused unless only its owner can read it), else none.
    /// </summary>
    public static string? PasswordFrom(Func<string, string?> environment)
    {
        if (environment(PasswordVariable) is { Length: > 0 } password)
        {
            return password;
        }

        if (environment(KeyFileVariable) is not { Length: > 0 } keyFile)
        {
            return null;
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(keyFile);
            var others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                         UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) != 0)
            {
                throw new StorageException($"The key file {keyFile} can be read by others; run `chmod 600 {keyFile}` and start again.");
            }
        }

        var key = File.ReadAllText(keyFile).Trim();
        return key.Length == 0 ? throw new StorageException($"The key file {keyFile} is empty.") : key;
    }
}
