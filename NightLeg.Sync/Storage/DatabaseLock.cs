namespace NightLeg.Sync.Storage;

/// <summary>
/// An exclusive OS-level lock on <c>&lt;database&gt;.lock</c>. LiteDB's direct mode takes no file lock
/// on Linux, so two processes on one file would silently diverge; this makes the second one fail
/// with a clear message instead. .NET takes an advisory <c>flock(LOCK_EX)</c> for
/// <see cref="FileShare.None"/> on Unix; the kernel drops it when the process dies, even by SIGKILL.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock for <paramref name="databasePath"/> or throws <see cref="StorageException"/> naming the file.</summary>
    public static DatabaseLock Acquire(string databasePath)
    {
        var path = databasePath + ".lock";
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return new DatabaseLock(stream, path);
        }
        catch (IOException e)
        {
            throw new StorageException(
                $"Another NightLeg is using the database {databasePath} (its lock {path} is held). Stop the other NightLeg first, or choose another database with --db.", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
