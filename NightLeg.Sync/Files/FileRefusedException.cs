namespace NightLeg.Sync.Files;

/// <summary>A file was not read or written, for the reason in the message (one line, naming the path).</summary>
public sealed class FileRefusedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public FileRefusedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
