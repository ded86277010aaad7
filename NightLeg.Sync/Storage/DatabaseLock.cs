namespace NightLeg.Sync.Storage;

/// <summary>
/// An exclusive OS-level lock on <c>&lt;database&gt;.lock</c>. LiteDB's direct mode takes no file lock
/// on Linux, so two processes on one file would silently diverge; this makes the second one fail
/// with a clear message instead. .NET takes an advisory <c>flock(LOCK_EX)</c> for
/// <see cref="FileShare.None"/> on Unix; the kernel drops it when the process dies, even by SIGKILL.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    // A file another process holds: flock's EWOULDBLOCK on Linux (11) and macOS (35), a sharing violation on Windows.
    private static readonly int[] HeldElsewhere = [11, 35, unchecked((int)0x80070020)];

    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file beside <paramref name="databasePath"/>.</summary>
    public static string PathOf(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock for <paramref name="databasePath"/> or throws <see cref="StorageException"/> naming the file.</summary>
    public static DatabaseLock Acquire(string databasePath)
    {
        var path = PathOf(databasePath);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly.FileMode;
            }

            var stream = new FileStream(path, options);
            stream.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return new DatabaseLock(stream, path);
        }
        catch (IOException e) when (HeldElsewhere.Contains(e.HResult))
        {
            throw new StorageException(
                $"Another NightLeg is using the database {databasePath} (its lock {path} is held). Stop the other NightLeg first, or choose another database with --db.", e, StorageProblem.InUse);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"The lock file {path} cannot be created beside the database: {DatabaseFile.Reason(e)}", e, StorageProblem.Access);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
