namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// One ACC configuration to start: sample rate, resolution, range and channels. Immutable.
/// </summary>
/// <param name="SampleRateHz">Samples per second.</param>
/// <param name="ResolutionBits">Bits per value.</param>
/// <param name="RangeG">Full-scale range in G.</param>
/// <param name="Channels">Axes (3).</param>
public sealed record PmdAccSettings(int SampleRateHz, int ResolutionBits, int RangeG, int Channels)
{
    /// <summary>The slowest rate that still shows a movement's shape: 25 Hz.</summary>
    public const int SleepMinimumRateHz = 25;

    /// <summary>A sleeper sitting up or stepping stays within ±2 G: a larger range only loses resolution.</summary>
    public const int SleepRangeG = 2;

    /// <summary>
    /// What NightLeg starts for a night, from what the sensor offers: the lowest rate ≥ 25 Hz (else
    /// the highest offered), the smallest range that holds 2 G (else the largest), the finest
    /// resolution, three channels when offered (else the most). Null when the sensor offers no rate.
    /// The same rule runs live and in replay (the replay sees the sensor's answer in the capture).
    /// </summary>
    public static PmdAccSettings? ForSleep(PmdSettings offered)
    {
        var rates = offered[PmdSettingType.SampleRate].Select(v => (int)v).ToList();
        if (rates.Count == 0)
        {
            return null;
        }

        var rate = rates.Where(r => r >= SleepMinimumRateHz).DefaultIfEmpty(rates.Max()).Min();
        var ranges = offered[PmdSettingType.Range].Select(v => (int)v).ToList();
        var range = ranges.Count == 0 ? 0 : ranges.Where(r => r >= SleepRangeG).DefaultIfEmpty(ranges.Max()).Min();
        var resolutions = offered[PmdSettingType.Resolution].Select(v => (int)v).ToList();
        var channels = offered[PmdSettingType.Channels].Select(v => (int)v).ToList();
        return new PmdAccSettings(rate, resolutions.Count == 0 ? 16 : resolutions.Max(), range, channels.Count == 0 ? 3 : channels.Contains(3) ? 3 : channels.Max());
    }

    /// <summary>The status a sensor answers a start with these settings: 0 when offered, else Polar's code for the first value it lacks.</summary>
    public byte RefusalStatus(PmdSettings offered)
    {
        static bool Has(PmdSettings s, PmdSettingType type, int value) => s[type].Count == 0 || s[type].Any(v => (int)v == value);
        return !Has(offered, PmdSettingType.SampleRate, SampleRateHz) ? (byte)8
            : !Has(offered, PmdSettingType.Resolution, ResolutionBits) ? (byte)7
            : !Has(offered, PmdSettingType.Range, RangeG) ? (byte)9
            : !Has(offered, PmdSettingType.Channels, Channels) ? (byte)11
            : (byte)0;
    }

    /// <summary>The control-point start command for these settings.</summary>
    public byte[] StartCommand() => PmdCommands.StartAcc(SampleRateHz, ResolutionBits, RangeG, Channels);

    /// <summary>Reads the settings back from a start command (<c>02 02 …</c>); null when it is not one.</summary>
    public static PmdAccSettings? FromStartCommand(ReadOnlySpan<byte> command)
    {
        if (command.Length < 2 || command[0] != PmdCommands.StartOpcode || command[1] != (byte)PmdMeasurementType.Acc)
        {
            return null;
        }

        var decoded = PmdSettingsDecoder.Decode(command[2..]);
        if (!decoded.IsSuccess)
        {
            return null;
        }

        var s = decoded.Value;
        int First(PmdSettingType type) => s[type].Count > 0 ? (int)s[type][0] : 0;
        return new PmdAccSettings(First(PmdSettingType.SampleRate), First(PmdSettingType.Resolution), First(PmdSettingType.Range), First(PmdSettingType.Channels));
    }

    /// <summary>Human words: "25 Hz, ±2 G, 16 bit".</summary>
    public override string ToString() => $"{SampleRateHz} Hz, ±{RangeG} G, {ResolutionBits} bit";
}
