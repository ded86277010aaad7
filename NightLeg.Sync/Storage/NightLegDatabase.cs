using LiteDB;

namespace NightLeg.Sync.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> of this process (direct mode), guarded by a
/// <see cref="DatabaseLock"/>, with its schema version checked at open. Dispose to close. LiteDB
/// serialises access internally; the repositories built on it are thread-safe.
/// </summary>
public sealed class NightLegDatabase : IDisposable
{
    /// <summary>The schema this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    private readonly DatabaseLock? _lock;

    private NightLegDatabase(LiteDatabase database, DatabaseLock? fileLock, string? path)
    {
        Database = database;
        _lock = fileLock;
        Path = path;
        EnsureIndexes();
    }

    /// <summary>The database (for the repositories).</summary>
    public LiteDatabase Database { get; }

    /// <summary>The file, or null for an in-memory database.</summary>
    public string? Path { get; }

    /// <summary>Opens (creating if needed) the database file; throws <see cref="StorageException"/> with a user-facing reason.</summary>
    public static NightLegDatabase Open(DatabaseOptions options)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var fileLock = DatabaseLock.Acquire(path);
        try
        {
            var connection = new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Password = options.Password };
            var database = new LiteDatabase(connection);
            CheckSchema(database, path);
            return new NightLegDatabase(database, fileLock, path);
        }
        catch (LiteException e)
        {
            fileLock.Dispose();
            throw new StorageException(e.Message.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? $"The database {path} is encrypted and the password did not open it. Set {DatabaseOptions.PasswordVariable} (or {DatabaseOptions.KeyFileVariable}) to its password."
                : $"The database {path} cannot be opened: {e.Message}", e);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>An in-memory database (tests, demos that should leave nothing behind).</summary>
    public static NightLegDatabase InMemory()
    {
        var database = new LiteDatabase(new MemoryStream());
        CheckSchema(database, "(memory)");
        return new NightLegDatabase(database, null, null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Database.Dispose();
        _lock?.Dispose();
    }

    private static void CheckSchema(LiteDatabase database, string path)
    {
        var version = database.UserVersion;
        if (version == 0)
        {
            database.UserVersion = SchemaVersion;
        }
        else if (version > SchemaVersion)
        {
            database.Dispose();
            throw new StorageException($"The database {path} was written by a newer NightLeg (schema {version}; this one reads {SchemaVersion}). Update NightLeg.");
        }
    }

    private void EnsureIndexes()
    {
        Database.GetCollection(Collections.Nights).EnsureIndex("date");
        Database.GetCollection(Collections.Epochs).EnsureIndex("n");
        Database.GetCollection(Collections.Events).EnsureIndex("date");
        Database.GetCollection(Collections.Events).EnsureIndex("night");
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
}
