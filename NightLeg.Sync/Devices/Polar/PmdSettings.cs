namespace NightLeg.Sync.Devices.Polar;

/// <summary>A PMD settings list: for each setting type, the values offered or chosen. Immutable.</summary>
/// <param name="Values">Values per type, in the order the device listed them.</param>
public sealed record PmdSettings(IReadOnlyDictionary<PmdSettingType, IReadOnlyList<double>> Values)
{
    /// <summary>The FACTOR (type 5) when present: compressed samples are multiplied by it.</summary>
    public float? Factor => Values.TryGetValue(PmdSettingType.Factor, out var f) && f.Count > 0 ? (float)f[0] : null;

    /// <summary>Values of <paramref name="type"/>, or empty.</summary>
    public IReadOnlyList<double> this[PmdSettingType type] => Values.TryGetValue(type, out var v) ? v : [];
}
