namespace NightLeg.Domain.Diary;

/// <summary>
/// The day before a night, as the user tapped it in the evening check-in. Every answer is optional:
/// null means "not answered", which is not the same as "no" — a night counts for a factor only when
/// the user said yes or no. Built only through <see cref="DiaryJournal"/>, so its values are valid.
/// Immutable.
/// </summary>
/// <param name="Ran">Ran today.</param>
/// <param name="RunKm">How far, in kilometres (when they ran and said).</param>
/// <param name="Effort">Easy or hard (when they ran and said).</param>
/// <param name="Surface">Mostly on what (when they ran and said).</param>
/// <param name="OtherHardTraining">Other hard training today (strength, football, cycling…).</param>
/// <param name="NewShoes">Ran in new or different shoes (another drop, another model).</param>
/// <param name="EnoughToDrink">Drank enough today.</param>
/// <param name="Alcohol">Had alcohol this evening.</param>
/// <param name="MagnesiumOrSalt">Took magnesium, salt or electrolytes.</param>
/// <param name="HeavyDuvet">Sleeps under a heavy or tucked-in duvet tonight.</param>
/// <param name="Tags">The user's own tags for the day (short words, lower case).</param>
public sealed record DayFactors(
    bool? Ran = null,
    double? RunKm = null,
    RunEffort? Effort = null,
    RunSurface? Surface = null,
    bool? OtherHardTraining = null,
    bool? NewShoes = null,
    bool? EnoughToDrink = null,
    bool? Alcohol = null,
    bool? MagnesiumOrSalt = null,
    bool? HeavyDuvet = null,
    IReadOnlyList<string>? Tags = null)
{
    /// <summary>Nothing answered.</summary>
    public static DayFactors None { get; } = new();

    /// <summary>The tags, or none.</summary>
    public IReadOnlyList<string> TagList => Tags ?? [];

    /// <summary>A hard run: said hard, or 15 km and more.</summary>
    public bool? HardRun => Ran switch
    {
        false => false,
        true when Effort is not null || RunKm is not null => Effort == RunEffort.Hard || RunKm >= LongRunKm,
        _ => null,
    };

    /// <summary>A run this long counts as hard whatever the effort said.</summary>
    public const double LongRunKm = 15;

    /// <summary>Record equality by value, the tags included.</summary>
    public bool Equals(DayFactors? other) =>
        other is not null && Ran == other.Ran && RunKm == other.RunKm && Effort == other.Effort && Surface == other.Surface &&
        OtherHardTraining == other.OtherHardTraining && NewShoes == other.NewShoes && EnoughToDrink == other.EnoughToDrink &&
        Alcohol == other.Alcohol && MagnesiumOrSalt == other.MagnesiumOrSalt && HeavyDuvet == other.HeavyDuvet && TagList.SequenceEqual(other.TagList);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ran, RunKm, Effort, Surface, NewShoes, Alcohol, TagList.Count);
}
