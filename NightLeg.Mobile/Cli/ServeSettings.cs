namespace NightLeg.Mobile.Cli;

/// <summary>What <c>nightleg serve</c> was asked to do.</summary>
/// <param name="Urls">Semicolon-separated listen URLs for Kestrel.</param>
public sealed record ServeSettings(string Urls);
