namespace NightLeg.Sync.Capture;

/// <summary>A capture line that is not a valid record; the message names the line.</summary>
public sealed class CaptureFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="lineNumber"/> (1-based).</summary>
    public CaptureFormatException(long lineNumber, string reason)
        : base($"line {lineNumber}: {reason}")
    {
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The 1-based number of the broken line.</summary>
    public long LineNumber { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
