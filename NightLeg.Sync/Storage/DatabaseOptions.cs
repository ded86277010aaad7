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

        if (Directory.Exists(keyFile))
        {
            throw new StorageException($"The key file {keyFile} ({KeyFileVariable}) is a folder; point it at the file holding the password.", problem: StorageProblem.Access);
        }

        if (!File.Exists(keyFile))
        {
            throw new StorageException($"The key file {keyFile} ({KeyFileVariable}) does not exist.", problem: StorageProblem.Access);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(keyFile);
            var others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                         UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) != 0)
            {
                throw new StorageException($"The key file {keyFile} can be read by others; run `chmod 600 {keyFile}` and start again.", problem: StorageProblem.Access);
            }
        }

        string key;
        try
        {
            // A password is short; a key file of more than 4 KB is not one.
            using var reader = new StreamReader(new FileStream(keyFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1));
            var buffer = new char[4097];
            var length = reader.ReadBlock(buffer, 0, buffer.Length);
            if (length > 4096)
            {
                throw new StorageException($"The key file {keyFile} is longer than 4 KB; it should hold only the password.", problem: StorageProblem.Access);
            }

            key = new string(buffer, 0, length).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"The key file {keyFile} cannot be read: {DatabaseFile.Reason(e)}", e, StorageProblem.Access);
        }

        return key.Length == 0 ? throw new StorageException($"The key file {keyFile} is empty.", problem: StorageProblem.Access) : key;
    }
}
