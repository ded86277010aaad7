namespace NightLeg.Domain.Guidance;

/// <summary>One step of relief guidance. Immutable.</summary>
/// <param name="Id">Stable id (also what a log's "what helped" refers to).</param>
/// <param name="Title">Short title, a few words.</param>
/// <param name="Instruction">What to do, in one or two sentences.</param>
/// <param name="Timer">How long to hold it, when it is timed.</param>
/// <param name="Source">Where the advice comes from.</param>
public sealed record GuidanceStep(string Id, LocalizedText Title, LocalizedText Instruction, TimeSpan? Timer, string Source);
