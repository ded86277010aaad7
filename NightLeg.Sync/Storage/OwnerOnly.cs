namespace NightLeg.Sync.Storage;

/// <summary>
/// Health data is readable by its owner only: files 0600, folders 0700 (on Unix; Windows keeps the
/// folder's inherited ACL, which is per-user under the profile).
/// </summary>
public static class OwnerOnly
{
    /// <summary>rw-------.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and any missing parents as 0700; a folder that already exists is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return;
        }

        // Parents first, each one that is missing created 0700 (CreateDirectory's mode applies to the last only).
        if (Path.GetDirectoryName(full) is { } parent)
        {
            CreateDirectory(parent);
        }

        Directory.CreateDirectory(full, DirectoryMode);
    }

    /// <summary>Opens a new file (0600 from the start, so it is never readable by others, not even for a moment) for writing.</summary>
    public static FileStream CreateNew(string path, int bufferSize = 4096) => new(path, Options(System.IO.FileMode.CreateNew, bufferSize));

    /// <summary>Opens a file for writing, created 0600 when new, truncated when it exists (its mode is then tightened to 0600).</summary>
    public static FileStream Create(string path, int bufferSize = 4096, FileShare share = FileShare.None)
    {
        var options = Options(System.IO.FileMode.Create, bufferSize);
        options.Share = share;
        var stream = new FileStream(path, options);
        Restrict(path);
        return stream;
    }

    private static FileStreamOptions Options(System.IO.FileMode mode, int bufferSize)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Makes an existing file 0600 (or a folder 0700); does nothing when it does not exist.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & FileMode);
        }
        else if (Directory.Exists(path) && (File.GetUnixFileMode(path) & ~DirectoryMode) != 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & DirectoryMode);
        }
    }
}
