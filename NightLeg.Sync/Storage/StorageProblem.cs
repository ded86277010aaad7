namespace NightLeg.Sync.Storage;

/// <summary>Why a database cannot be used (or stopped working).</summary>
public enum StorageProblem
{
    /// <summary>Anything else (the message says what).</summary>
    Other,

    /// <summary>Another NightLeg holds the database's lock.</summary>
    InUse,

    /// <summary>The path holds something that is not a NightLeg database; it was left untouched.</summary>
    NotOurs,

    /// <summary>A NightLeg database that failed its checks; it was left untouched.</summary>
    Damaged,

    /// <summary>Encrypted, and no password or the wrong one.</summary>
    Password,

    /// <summary>Written by a newer NightLeg.</summary>
    NewerSchema,

    /// <summary>The file or its folder cannot be read or written (permissions, read-only file system, a directory).</summary>
    Access,

    /// <summary>Writing failed while running (disk full, I/O error); the database is reopened and writing retried.</summary>
    WriteFailed,
}
