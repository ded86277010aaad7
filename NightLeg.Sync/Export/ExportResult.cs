namespace NightLeg.Sync.Export;

/// <summary>What an export wrote. Immutable.</summary>
/// <param name="Nights">Nights written whole.</param>
/// <param name="Unreadable">What could not be read (a night and why), empty when everything was.</param>
public sealed record ExportResult(int Nights, IReadOnlyList<string> Unreadable);
