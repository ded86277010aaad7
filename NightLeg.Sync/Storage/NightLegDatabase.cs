using System.Reflection;
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
public sealed class NightLegDatabase : IDisposable
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

    /// <summary>LiteDB's write-ahead log beside <paramref name="databasePath"/> (<c>name-log.db</c>): recent writes live there until a checkpoint.</summary>
    public static string LogPathOf(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(databasePath)!, System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-log" + System.IO.Path.GetExtension(databasePath));

    /// <summary>
    /// Opens (creating if needed) the database file; throws <see cref="StorageException"/> with a
    /// one-line reason naming the path, having changed nothing at that path.
    /// </summary>
    public static NightLegDatabase Open(DatabaseOptions options, TimeProvider? time = null)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        var kind = DatabaseFile.Inspect(path);
        var folder = System.IO.Path.GetDirectoryName(path)!;
        try
        {
            OwnerOnly.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"The folder {folder} cannot be created: {DatabaseFile.Reason(e)}", e, StorageProblem.Access);
        }

        var fileLock = DatabaseLock.Acquire(path);
        try
        {
            if (kind != DatabaseFile.Kind.New)
            {
                Validate(path, options.Password);
            }
            else if (!File.Exists(path))
            {
                // Created owner-only before LiteDB writes a byte of it.
                OwnerOnly.CreateNew(path).Dispose();
            }

            // LiteDB waits this long for a lock; a transaction a failed disk left behind holds one for ever, so keep the wait short.
            LiteDatabase OpenFile()
            {
                var opened = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Password = options.Password });
                if (opened.Timeout != LockTimeout)
                {
                    opened.Timeout = LockTimeout;
                }

                return opened;
            }

            var database = OpenFile();
            try
            {
                PrepareSchema(database, path, time ?? TimeProvider.System);
            }
            catch
            {
                database.Dispose();
                throw;
            }

            OwnerOnly.Restrict(path);
            OwnerOnly.Restrict(LogPathOf(path));
            return new NightLegDatabase(database, fileLock, path, options.Password, OpenFile, time ?? TimeProvider.System);
        }
        catch (Exception e) when (e is not StorageException)
        {
            fileLock.Dispose();
            throw Classify(path, e);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing database for reading only (export, checks): nothing is written to it, not
    /// even a schema mark. A damaged database opens as far as LiteDB can read it.
    /// </summary>
    public static NightLegDatabase OpenReadOnly(DatabaseOptions options)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        if (!File.Exists(path))
        {
            throw new StorageException(Directory.Exists(path) ? $"{path} is a folder, not a database file" : $"{path} does not exist", problem: StorageProblem.Access);
        }

        try
        {
            DatabaseFile.Inspect(path, needWrite: false);
        }
        catch (StorageException e) when (e.Problem == StorageProblem.Damaged)
        {
            // Read what can be read.
        }

        var fileLock = DatabaseLock.Acquire(path);
        try
        {
            var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Password = options.Password, ReadOnly = true });
            return new NightLegDatabase(database, fileLock, path, options.Password, null, TimeProvider.System);
        }
        catch (Exception e) when (e is not StorageException)
        {
            fileLock.Dispose();
            throw Classify(path, e);
        }
    }

    /// <summary>An in-memory database (tests, demos that should leave nothing behind).</summary>
    public static NightLegDatabase InMemory()
    {
        var database = new LiteDatabase(new MemoryStream());
        PrepareSchema(database, "(memory)", TimeProvider.System);
        return new NightLegDatabase(database, null, null, null, null, TimeProvider.System);
    }

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

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="destination"/> (owner-only): the
    /// log is checkpointed into the file and the file copied while writes wait, then the copy is
    /// opened and checked before it is moved into place. Writes wait for the copy (about a second
    /// per 100 MB). Throws <see cref="StorageException"/> naming the file that failed.
    /// </summary>
    public void BackUp(string destination)
    {
        if (Path is null || _reopen is null)
        {
            throw new StorageException("Only a database file can be backed up");
        }

        destination = System.IO.Path.GetFullPath(destination);
        if (Directory.Exists(destination))
        {
            throw new StorageException($"{destination} is a folder; give a file name for the backup", problem: StorageProblem.Access);
        }

        if (!Directory.Exists(System.IO.Path.GetDirectoryName(destination)))
        {
            throw new StorageException($"{destination}: the folder {System.IO.Path.GetDirectoryName(destination)} does not exist", problem: StorageProblem.Access);
        }

        if (Files.UnixFile.IsSpecial(destination))
        {
            // A named pipe would block reading it (and writing it) for ever.
            throw new StorageException($"{destination} is not a regular file (a named pipe, socket or device); give a file name for the backup", problem: StorageProblem.NotOurs);
        }

        if (File.Exists(destination) && !IsOwnBackup(destination))
        {
            throw new StorageException($"{destination} exists and is not a NightLeg database; NightLeg has not changed it. Choose another name", problem: StorageProblem.NotOurs);
        }

        var temporary = destination + ".partial";
        try
        {
            File.Delete(temporary);
            File.Delete(LogPathOf(temporary));
            _gate.EnterWriteLock();
            try
            {
                ReopenIfDue(force: !Health.IsOk);
                Current.Checkpoint();
                using var source = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
                using var target = OwnerOnly.CreateNew(temporary, 1 << 16);
                source.CopyTo(target);
                target.Flush(flushToDisk: true);
            }
            finally
            {
                _gate.ExitWriteLock();
            }

            // The copy must open and read as a NightLeg database before it replaces anything.
            Validate(temporary, _password);
            File.Move(temporary, destination, overwrite: true);
            OwnerOnly.Restrict(destination);
        }
        catch (StorageException)
        {
            File.Delete(temporary);
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException)
        {
            TryDelete(temporary);
            throw new StorageException($"The backup {destination} could not be written: {DatabaseFile.Reason(e)}", e, StorageProblem.WriteFailed);
        }
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

    private void Fail(Exception e)
    {
        _lastFailure = e;
        if (_reopen is not null)
        {
            Volatile.Write(ref _broken, true);
            Defuse(_database);
        }

        var now = _time.GetUtcNow();
        Interlocked.Exchange(ref _reopenAtTicks, (now + ReopenInterval).UtcTicks);
        var current = Health;
        // After the first ENOSPC a broken LiteDB reports other things ("page must be writable"); the disk itself says whether it is full.
        var diskFull = DatabaseFile.IsDiskFull(e) || DatabaseFile.IsLowOnSpace(Path);
        var problem = diskFull
            ? $"The disk is full: nothing new can be stored in {Path}. Free some space; recording resumes by itself."
            : $"Storing in {Path ?? "the database"} fails: {DatabaseFile.Reason(e)}. NightLeg keeps trying.";
        if (current.Problem != problem)
        {
            SetHealth(new StorageHealth(problem, current.Since ?? now, diskFull));
        }
    }

    private void SetHealth(StorageHealth health)
    {
        Volatile.Write(ref _health, health);
        HealthChanged?.Invoke(health);
    }

    // Call with the write lock held.
    private void ReopenIfDue(bool force)
    {
        if (_reopen is null || _disposed || (!force && (Health.IsOk || _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _reopenAtTicks))))
        {
            return;
        }

        Interlocked.Exchange(ref _reopenAtTicks, (_time.GetUtcNow() + ReopenInterval).UtcTicks);
        Defuse(_database);
        try
        {
            _database?.Dispose();
        }
        catch (Exception e) when (e is IOException or LiteException or UnauthorizedAccessException)
        {
            // A broken LiteDB may fail to close; what it committed is in the log.
        }

        _database = null;
        try
        {
            _database = _reopen();
            Volatile.Write(ref _broken, false);
        }
        catch (Exception e) when (e is IOException or LiteException or UnauthorizedAccessException)
        {
            // Still failing: every call fails fast until the next try.
            Fail(e);
        }
    }

    /// <summary>
    /// After a failed write LiteDB 5 leaves transactions whose finalizer throws ("discarded page must
    /// be writable") — on the finalizer thread, which ends the process. Their finalization is
    /// suppressed here (the pages they hold are in the log, which the reopen replays or discards).
    /// </summary>
    private static void Defuse(LiteDatabase? database)
    {
        if (OpenTransactions(database) is not { } transactions)
        {
            return;
        }

        lock (transactions)
        {
            foreach (var transaction in transactions.Values)
            {
                GC.SuppressFinalize(transaction!);
            }
        }
    }

    /// <summary>
    /// LiteDB's table of open transactions (<c>_engine._monitor._transactions</c>, private): reached by
    /// name, so <c>NightLegDatabaseTests.LiteDbsTransactionTable_IsWhereDefuseLooks</c> pins it and fails
    /// the day a LiteDB update moves it. Null when not found.
    /// </summary>
    public static System.Collections.IDictionary? OpenTransactions(LiteDatabase? database)
    {
        const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        try
        {
            var engine = database?.GetType().GetField("_engine", Private)?.GetValue(database);
            var monitor = engine?.GetType().GetField("_monitor", Private)?.GetValue(engine);
            return monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor) as System.Collections.IDictionary;
        }
        catch (Exception e) when (e is FieldAccessException or TargetException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void PrepareSchema(LiteDatabase database, string path, TimeProvider time)
    {
        var version = database.UserVersion;
        if (version > SchemaVersion)
        {
            throw new StorageException($"The database {path} was written by a newer NightLeg (schema {version}; this one reads {SchemaVersion}). Update NightLeg.", problem: StorageProblem.NewerSchema);
        }

        if (version == 0)
        {
            database.UserVersion = SchemaVersion;
        }

        var meta = database.GetCollection(MetaCollection);
        if (meta.FindById(MetaId) is null)
        {
            meta.Insert(new BsonDocument { ["_id"] = MetaId, ["schema"] = SchemaVersion, ["created"] = time.GetUtcNow().UtcDateTime });
        }

        database.GetCollection(Collections.Nights).EnsureIndex("date");
        database.GetCollection(Collections.Epochs).EnsureIndex("n");
        database.GetCollection(Collections.Events).EnsureIndex("date");
        database.GetCollection(Collections.Events).EnsureIndex("night");
        database.GetCollection(Collections.Diary).EnsureIndex("date");
    }

    /// <summary>
    /// Reads an existing file as LiteDB would, without writing: it must be ours (our mark, or only our
    /// collections) and every collection's index must walk to its end.
    /// </summary>
    private static void Validate(string path, string? password)
    {
        try
        {
            using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Password = password, ReadOnly = true });
            var version = database.UserVersion;
            var names = database.GetCollectionNames().ToList();
            var marked = names.Contains(MetaCollection) && database.GetCollection(MetaCollection).FindById(MetaId) is not null;
            var onlyOurs = names.All(Collections.Known.Contains);
            if (!marked && (version == 0 ? names.Count > 0 : !onlyOurs))
            {
                throw new StorageException($"{path} is a LiteDB database of another program, not NightLeg's; NightLeg has not changed it. Choose another path with --db", problem: StorageProblem.NotOurs);
            }

            if (version > SchemaVersion)
            {
                throw new StorageException($"The database {path} was written by a newer NightLeg (schema {version}; this one reads {SchemaVersion}). Update NightLeg.", problem: StorageProblem.NewerSchema);
            }

            foreach (var name in names)
            {
                var collection = database.GetCollection(name);
                _ = collection.Count();
                _ = collection.Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
            }

            foreach (var night in database.GetCollection(Collections.Nights).FindAll())
            {
                _ = night["_id"];
            }
        }
        catch (StorageException)
        {
            throw;
        }
        catch (Exception e) when (IsPasswordProblem(e))
        {
            throw PasswordProblem(path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"{path} cannot be read: {DatabaseFile.Reason(e)}", e, StorageProblem.Access);
        }
        catch (Exception e)
        {
            throw DatabaseFile.Damaged(path, e.Message.TrimEnd('.'), e);
        }
    }

    private static StorageException Classify(string path, Exception e) => e switch
    {
        _ when IsPasswordProblem(e) => PasswordProblem(path, e),
        IOException or UnauthorizedAccessException => new StorageException($"{path} cannot be opened: {DatabaseFile.Reason(e)}", e, StorageProblem.Access),
        _ => DatabaseFile.Damaged(path, e.Message.TrimEnd('.'), e),
    };

    private static bool IsPasswordProblem(Exception e) => e is LiteException && e.Message.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static StorageException PasswordProblem(string path, Exception e) => new(
        $"The database {path} is encrypted and the password did not open it. Set {DatabaseOptions.PasswordVariable} (or {DatabaseOptions.KeyFileVariable}) to its password.",
        e, StorageProblem.Password);

    /// <summary>True when <paramref name="path"/> holds a NightLeg database (what its backups are): read-only, never changing it.</summary>
    public static bool IsOwnBackup(string path)
    {
        try
        {
            return DatabaseFile.Inspect(path, needWrite: false) != DatabaseFile.Kind.New;
        }
        catch (StorageException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the partial copy has a name no one reads.
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
