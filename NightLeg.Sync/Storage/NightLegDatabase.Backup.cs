using LiteDB;

namespace NightLeg.Sync.Storage;

/// <summary>Backups: a consistent, checked, owner-only copy while writes wait; telling NightLeg's own backups apart.</summary>
public sealed partial class NightLegDatabase
{
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
