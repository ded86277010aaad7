using System.Globalization;

namespace NightLeg.Sync.Simulation;

/// <summary>A scored night: one <see cref="SleepStage"/> per 30-second epoch. Immutable.</summary>
/// <param name="Id">Where it came from (the subject id or a file name).</param>
/// <param name="Epochs">Stages, one per 30 s, from the start of the recording.</param>
public sealed record Hypnogram(string Id, IReadOnlyList<SleepStage> Epochs)
{
    /// <summary>Seconds per epoch.</summary>
    public const int EpochSeconds = 30;

    /// <summary>Length of the night.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Epochs.Count * EpochSeconds);

    /// <summary>Parses the one-integer-per-line format (0 wake, 1 N1, 2 N2, 3/4 N3, 5 REM); errors name the line.</summary>
    public static Hypnogram Parse(string id, TextReader reader)
    {
        var epochs = new List<SleepStage>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 5)
            {
                throw new FormatException($"hypnogram {id}, line {number}: \"{text}\" is not a stage (0 wake, 1 N1, 2 N2, 3 N3, 4 N4, 5 REM)");
            }

            epochs.Add(value switch
            {
                0 => SleepStage.Wake,
                1 => SleepStage.N1,
                2 => SleepStage.N2,
                3 or 4 => SleepStage.N3,
                _ => SleepStage.Rem,
            });
        }

        if (epochs.Count == 0 || epochs.All(e => e == SleepStage.Wake))
        {
            throw new FormatException($"hypnogram {id}: no sleep in it");
        }

        return new Hypnogram(id, epochs);
    }

    /// <summary>Reads a hypnogram file.</summary>
    public static Hypnogram Load(string path)
    {
        // Read at most one byte past the limit, whatever the file claims its length is (/dev/zero claims 0).
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12));
        var text = new char[MaxFileBytes + 1];
        var length = reader.ReadBlock(text, 0, text.Length);
        if (length > MaxFileBytes)
        {
            throw new FormatException($"{path} is larger than {MaxFileBytes:N0} bytes, which no hypnogram (one stage per 30-s line) is");
        }

        try
        {
            return Parse(Path.GetFileNameWithoutExtension(path), new StringReader(new string(text, 0, length)));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The largest hypnogram file read (two days of 30-s lines take ≈20 KB).</summary>
    public const int MaxFileBytes = 1 << 20;
}
