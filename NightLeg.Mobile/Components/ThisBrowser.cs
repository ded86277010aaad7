namespace NightLeg.Mobile.Components;

/// <summary>The browser a page runs in, cascaded from the request that opened it: its sign-in reference, when it was let in by a token.</summary>
/// <param name="Reference">The reference (<see cref="NightLeg.Sync.Storage.SignedInBrowser.Reference"/>), or null.</param>
public sealed record ThisBrowser(string? Reference);
