namespace NightLeg.Sync.Storage;

/// <summary>The database cannot be used; the message says why and what to do, in words for the user.</summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
