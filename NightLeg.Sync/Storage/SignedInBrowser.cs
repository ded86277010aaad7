namespace NightLeg.Sync.Storage;

/// <summary>A browser let in on the local network. Immutable.</summary>
/// <param name="Reference">Names it for signing out (not the token).</param>
/// <param name="Browser">What it said it is (from its User-Agent).</param>
/// <param name="SignedInAt">When it entered the code.</param>
/// <param name="LastSeenAt">Its latest request (to the hour).</param>
public sealed record SignedInBrowser(string Reference, string Browser, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt);
