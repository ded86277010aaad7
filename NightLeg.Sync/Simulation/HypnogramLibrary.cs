namespace NightLeg.Sync.Simulation;

/// <summary>
/// The 31 real hypnograms embedded in this assembly (Walch 2019, PhysioNet, ODC-By; see
/// Simulation/Hypnograms/README.md). Thread-safe.
/// </summary>
public static class HypnogramLibrary
{
    private const string Prefix = "NightLeg.Hypnograms.";
    private static readonly Lazy<IReadOnlyList<string>> LazyIds = new(() =>
        typeof(HypnogramLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".txt".Length])
            .OrderBy(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))
            .ToList());

    /// <summary>Subject ids, in numeric order.</summary>
    public static IReadOnlyList<string> Ids => LazyIds.Value;

    /// <summary>The hypnogram of subject <paramref name="id"/>.</summary>
    public static Hypnogram Get(string id)
    {
        using var stream = typeof(HypnogramLibrary).Assembly.GetManifestResourceStream(Prefix + id + ".txt")
            ?? throw new ArgumentException($"no embedded hypnogram \"{id}\"", nameof(id));
        using var reader = new StreamReader(stream);
        return Hypnogram.Parse(id, reader);
    }

    /// <summary>The hypnogram a seed picks when none is given.</summary>
    public static Hypnogram ForSeed(int seed) => Get(Ids[(int)((uint)seed % (uint)Ids.Count)]);
}
