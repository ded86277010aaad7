using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;

namespace NightLeg.Sync.Export;

/// <summary>
/// The words a diary file may use for a value, in English or Norwegian bokmål (docs/diary-csv.md): read here,
/// at the import, and nowhere else. Each returns null for a word it does not know. Pure and thread-safe.
/// </summary>
public static class DiaryWords
{
    /// <summary>left, right, both (venstre, høyre, begge).</summary>
    public static Leg? Leg(string text) => Normal(text) switch
    {
        "left" or "venstre" or "l" => Domain.Cramps.Leg.Left,
        "right" or "høyre" or "r" => Domain.Cramps.Leg.Right,
        "both" or "begge" => Domain.Cramps.Leg.Both,
        _ => null,
    };

    /// <summary>calf, foot, thigh, other (legg, fot, lår, annet).</summary>
    public static CrampLocation? Location(string text) => Normal(text) switch
    {
        "calf" or "legg" or "leggen" => CrampLocation.Calf,
        "foot" or "fot" or "foten" => CrampLocation.Foot,
        "thigh" or "lår" or "låret" => CrampLocation.Thigh,
        "other" or "annet" => CrampLocation.Other,
        _ => null,
    };

    /// <summary>easy, hard (lett, rolig, hardt).</summary>
    public static RunEffort? Effort(string text) => Normal(text) switch
    {
        "easy" or "lett" or "rolig" => RunEffort.Easy,
        "hard" or "hardt" => RunEffort.Hard,
        _ => null,
    };

    /// <summary>road, trail, track, treadmill (asfalt, vei, sti, terreng, bane, mølle).</summary>
    public static RunSurface? Surface(string text) => Normal(text) switch
    {
        "road" or "asfalt" or "vei" => RunSurface.Road,
        "trail" or "sti" or "terreng" => RunSurface.Trail,
        "track" or "bane" => RunSurface.Track,
        "treadmill" or "mølle" => RunSurface.Treadmill,
        _ => null,
    };

    /// <summary>yes, no (ja, nei; y, n, j, 1, 0, true, false, x).</summary>
    public static bool? YesNo(string text) => Normal(text) switch
    {
        "yes" or "y" or "ja" or "j" or "1" or "true" or "x" => true,
        "no" or "n" or "nei" or "0" or "false" => false,
        _ => null,
    };

    private static string Normal(string text) => text.Trim().ToLowerInvariant();
}
