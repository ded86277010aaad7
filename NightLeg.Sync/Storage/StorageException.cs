namespace NightLeg.Sync.Storage;

/// <summary>The database cannot be used; the message says why and what to do, in one line for the user.</summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageException(string message, Exception? inner = null, StorageProblem problem = StorageProblem.Other)
        : base(message, inner)
    {
        Problem = problem;
    }

    /// <summary>What kind of problem it is.</summary>
    public StorageProblem Problem { get; }

    /// <summary>True when it failed because the disk is full (the user can fix that by freeing space).</summary>
    public bool DiskFull { get; init; }
}
