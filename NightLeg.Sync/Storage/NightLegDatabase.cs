using LiteDB;
using Microsoft.Win32.SafeHandles;

namespace NightLeg.Sync.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> of this process (direct mode), guarded by a
/// <see cref="DatabaseLock"/>. Opens only what is a NightLeg database (or a new path): anything else,
/// and a database that fails its checks, is refused before a byte is written. Every read and write
/// goes through Read and Write: when a write fails (disk full, I/O
/// error) LiteDB stays broken until reopened, so the database reports the problem in
/// <see cref="Health"/> and reopens itself at most every <see cref="ReopenInterval"/> until writing
/// works again. Files are owner-only. Thread-safe; dispose to close.
/// </summary>
public sealed partial class NightLegDatabase : IDisposable
{
    /// <summary>The schema this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>After a failed write, how long until the database is reopened to try again.</summary>
    public static readonly TimeSpan ReopenInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long LiteDB waits for one of its locks before it gives up (its default is a minute).</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    private const string MetaCollection = "meta";
    private const string MetaId = "nightleg";

    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Func<LiteDatabase>? _reopen;
    private readonly DatabaseLock? _lock;
    private readonly TimeProvider _time;
    private readonly string? _password;
    private LiteDatabase? _database;
    private StorageHealth _health = StorageHealth.Ok;
    private long _reopenAtTicks = long.MaxValue; // UTC ticks of the next reopen after a failure
    private bool _disposed;
    private Exception? _lastFailure;
    private bool _broken;

    private NightLegDatabase(LiteDatabase database, DatabaseLock? fileLock, string? path, string? password, Func<LiteDatabase>? reopen, TimeProvider time)
    {
        _database = database;
        _password = password;
        _lock = fileLock;
        _reopen = reopen;
        _time = time;
        Path = path;
    }

    /// <summary>The file, or null for an in-memory database.</summary>
    public string? Path { get; }

    // The open LiteDB instance. After a failed write LiteDB can hold a lock for a transaction it
    // could neither commit nor roll back, so the broken instance is not touched again: every call
    // fails fast until the reopen replaces it.
    private LiteDatabase Current => !Volatile.Read(ref _broken) && _database is { } database
        ? database
        : throw new StorageException(Health.Problem ?? $"{Path}: the database is closed", _lastFailure, StorageProblem.WriteFailed) { DiskFull = Health.DiskFull };

    /// <summary>Whether writing works.</summary>
    public StorageHealth Health => Volatile.Read(ref _health);

    /// <summary>Raised when <see cref="Health"/> changes (on the thread that noticed).</summary>
    public event Action<StorageHealth>? HealthChanged;

    /// <summary>Reads from a collection.</summary>
    public T Read<T>(string collection, Func<ILiteCollection<BsonDocument>, T> read) => Read(db => read(db.GetCollection(collection)));

    /// <summary>Reads from the database.</summary>
    public T Read<T>(Func<LiteDatabase, T> read) => Run(read, isWrite: false);

    /// <summary>Writes to a collection.</summary>
    public void Write(string collection, Action<ILiteCollection<BsonDocument>> write) => Write(db =>
    {
        write(db.GetCollection(collection));
        return true;
    });

    /// <summary>
    /// Writes to the database (one LiteDB call is one transaction; use <see cref="LiteDatabase.BeginTrans"/>
    /// inside for more). Throws <see cref="StorageException"/> (<see cref="StorageProblem.WriteFailed"/>)
    /// when the write did not happen; <see cref="Health"/> then says why until a write succeeds.
    /// </summary>
    public T Write<T>(Func<LiteDatabase, T> write) => Run(write, isWrite: true);

    /// <summary>
    /// Forces what has been written to the disk (fsync of the log and the file), so a power cut
    /// cannot take it. LiteDB itself only hands its writes to the operating system.
    /// </summary>
    public void FlushToDisk()
    {
        if (Path is null)
        {
            return;
        }

        foreach (var file in new[] { LogPathOf(Path), Path })
        {
            try
            {
                using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                RandomAccess.FlushToDisk(handle);
            }
            catch (FileNotFoundException)
            {
                // No log yet (or just checkpointed away): nothing to flush.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(e);
                throw new StorageException(Health.Problem ?? $"{file} could not be flushed to disk: {DatabaseFile.Reason(e)}", e, StorageProblem.WriteFailed) { DiskFull = Health.DiskFull };
            }
        }

        OwnerOnly.Restrict(LogPathOf(Path));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _database?.Dispose();
            }
            catch (Exception e) when (e is IOException or LiteException or UnauthorizedAccessException)
            {
                // Closing could not checkpoint (disk full): the log keeps every committed write and
                // the next open replays it.
            }

            _lock?.Dispose();
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    private T Run<T>(Func<LiteDatabase, T> action, bool isWrite)
    {
        if (!Health.IsOk && _reopen is not null && _time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _reopenAtTicks))
        {
            _gate.EnterWriteLock();
            try
            {
                ReopenIfDue(force: false);
            }
            finally
            {
                _gate.ExitWriteLock();
            }
        }

        _gate.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var result = action(Current);
            if (isWrite && !Health.IsOk)
            {
                SetHealth(StorageHealth.Ok);
            }

            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || (e is LiteException && (isWrite || Volatile.Read(ref _broken))))
        {
            Fail(e);
            throw new StorageException(Health.Problem ?? $"{Path ?? "the database"}: {(isWrite ? "writing" : "reading")} failed: {DatabaseFile.Reason(e)}", e, StorageProblem.WriteFailed)
            {
                DiskFull = Health.DiskFull,
            };
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }
}

/// <summary>Collection names.</summary>
internal static class Collections
{
    public const string Nights = "nights";
    public const string Epochs = "epochs";
    public const string Events = "events";
    public const string Devices = "devices";
    public const string Settings = "settings";
    public const string Sleeper = "sleeper";
    public const string Access = "access";
    public const string Meta = "meta";
    public const string Diary = "diary";

    /// <summary>Every collection a NightLeg database may hold.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Nights, Epochs, Events, Devices, Settings, Sleeper, Access, Meta, Diary,
    };
}
