namespace NightLeg.Evaluation;

/// <summary>One real night: its capture file and its sleep-lab truth. Immutable.</summary>
/// <param name="CapturePath">The <c>nightleg-capture 1</c> file.</param>
/// <param name="Truth">What the sleep lab scored.</param>
public sealed record RealNight(string CapturePath, LabelledNight Truth)
{
    /// <summary>
    /// Every <c>&lt;id&gt;.capture</c> with its <c>&lt;id&gt;.truth.json</c> in <paramref name="directory"/>,
    /// in id order. Throws <see cref="DirectoryNotFoundException"/> when the folder is missing.
    /// </summary>
    public static IReadOnlyList<RealNight> LoadAll(string directory)
    {
        var nights = new List<RealNight>();
        foreach (var capture in Directory.EnumerateFiles(directory, "*.capture").Order(StringComparer.Ordinal))
        {
            var truthPath = Path.ChangeExtension(capture, ".truth.json");
            if (!File.Exists(truthPath))
            {
                continue;
            }

            using var stream = File.OpenRead(truthPath);
            nights.Add(new RealNight(capture, LabelledNight.ReadLabTruth(stream)));
        }

        return nights;
    }

    /// <summary>
    /// The real nights, found by walking up from <paramref name="start"/>: the repository's own copy,
    /// <c>data/real-nights</c> (so a clean clone has them), else <c>../shared/data/real-nights</c>
    /// beside the checkout (where newer nights may arrive first); null when there is neither.
    /// </summary>
    public static string? FindDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "data", "real-nights"), Path.Combine(dir.FullName, "shared", "data", "real-nights") })
            {
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.capture").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
