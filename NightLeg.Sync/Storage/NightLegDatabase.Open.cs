using LiteDB;

namespace NightLeg.Sync.Storage;

/// <summary>Opening: a file checked to be a NightLeg database (or a new one), read-only, or in memory; the schema; what a refusal says.</summary>
public sealed partial class NightLegDatabase
{
    /// <summary>LiteDB's write-ahead log beside <paramref name="databasePath"/> (<c>name-log.db</c>): recent writes live there until a checkpoint.</summary>
    public static string LogPathOf(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(databasePath)!, System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-log" + System.IO.Path.GetExtension(databasePath));

    /// <summary>The files a database at <paramref name="databasePath"/> is made of: itself, its log and its lock.</summary>
    public static IReadOnlyList<string> FilesOf(string databasePath) => [databasePath, LogPathOf(databasePath), DatabaseLock.PathOf(databasePath)];

    /// <summary>
    /// Opens (creating if needed) the database file; throws <see cref="StorageException"/> with a
    /// one-line reason naming the path, having changed nothing at that path.
    /// </summary>
    public static NightLegDatabase Open(DatabaseOptions options, TimeProvider time)
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
                PrepareSchema(database, path, time);
            }
            catch
            {
                database.Dispose();
                throw;
            }

            OwnerOnly.Restrict(path);
            OwnerOnly.Restrict(LogPathOf(path));
            return new NightLegDatabase(database, fileLock, path, options.Password, OpenFile, time);
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
    public static NightLegDatabase OpenReadOnly(DatabaseOptions options, TimeProvider time)
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
            return new NightLegDatabase(database, fileLock, path, options.Password, null, time);
        }
        catch (Exception e) when (e is not StorageException)
        {
            fileLock.Dispose();
            throw Classify(path, e);
        }
    }

    /// <summary>An in-memory database (tests, demos that should leave nothing behind).</summary>
    public static NightLegDatabase InMemory(TimeProvider time)
    {
        var database = new LiteDatabase(new MemoryStream());
        PrepareSchema(database, "(memory)", time);
        return new NightLegDatabase(database, null, null, null, null, time);
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
}
