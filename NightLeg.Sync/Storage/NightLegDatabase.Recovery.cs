using System.Reflection;
using LiteDB;

namespace NightLeg.Sync.Storage;

/// <summary>Failures and recovery: a failed write marks the database broken, defuses LiteDB's pending transactions and reopens it when due.</summary>
public sealed partial class NightLegDatabase
{
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
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
        Justification = "LiteDB is not trimmable, so the trimmed build keeps it whole; the test named above pins the fields.")]
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
}
