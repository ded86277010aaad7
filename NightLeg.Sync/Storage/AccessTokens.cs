using System.Security.Cryptography;
using LiteDB;

namespace NightLeg.Sync.Storage;

/// <summary>
/// Browser access tokens for LAN mode, kept (as SHA-256 hashes) in the database so a phone stays
/// let in across restarts, each for <see cref="Lifetime"/> at most, listed and revocable one by one.
/// Thread-safe.
/// </summary>
public sealed class AccessTokens(NightLegDatabase database, TimeProvider time)
{
    /// <summary>
    /// A short stable name of the database these tokens belong to (from its full path): a browser keeps cookies per
    /// host, not per port, so two NightLegs on one machine name their cookies apart by it.
    /// </summary>
    public string Owner { get; } = OwnerOf(database.Path);

    /// <summary>The <see cref="Owner"/> of a database at <paramref name="path"/> (null: in memory).</summary>
    public static string OwnerOf(string? path) => path is null
        ? "memory"
        : Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..8].ToLowerInvariant();

    /// <summary>How long a browser stays let in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    /// <summary>How often a browser's "last seen" is written (not at every request).</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromHours(1);

    /// <summary>Creates a new token for a browser described by <paramref name="browser"/> (returned once, stored hashed).</summary>
    public string Issue(string browser)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var doc = new BsonDocument
        {
            ["_id"] = Hash(token),
            ["ref"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant(),
            ["issued"] = now,
            ["seen"] = now,
            ["browser"] = browser.Length > 120 ? browser[..120] : browser,
        };
        database.Write(Collections.Access, c => c.Insert(doc));
        return token;
    }

    /// <summary>When <paramref name="token"/> was issued here and has not expired or been signed out, the browser's reference; else null.</summary>
    public string? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var id = Hash(token);
        if (database.Read(Collections.Access, c => c.FindById(id)) is not { } doc)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeMilliseconds(doc["issued"].AsInt64) + Lifetime <= now)
        {
            database.Write(Collections.Access, c => c.Delete(id));
            return null;
        }

        if (!doc.TryGetValue("seen", out var seen) || DateTimeOffset.FromUnixTimeMilliseconds(seen.AsInt64) + SeenResolution <= now)
        {
            doc["seen"] = now.ToUnixTimeMilliseconds();
            database.Write(Collections.Access, c => c.Update(doc));
        }

        return doc.TryGetValue("ref", out var reference) ? reference.AsString : id[..12].ToLowerInvariant();
    }

    /// <summary>The browsers let in (newest first).</summary>
    public IReadOnlyList<SignedInBrowser> List()
    {
        var now = time.GetUtcNow();
        return database.Read(Collections.Access, c => c.FindAll().ToList())
            .Select(d => new SignedInBrowser(
                d.TryGetValue("ref", out var r) ? r.AsString : d["_id"].AsString[..12].ToLowerInvariant(),
                d.TryGetValue("browser", out var b) ? b.AsString : "a browser",
                DateTimeOffset.FromUnixTimeMilliseconds(d["issued"].AsInt64),
                DateTimeOffset.FromUnixTimeMilliseconds(d.TryGetValue("seen", out var s) ? s.AsInt64 : d["issued"].AsInt64)))
            .Where(b => b.SignedInAt + Lifetime > now)
            .OrderByDescending(b => b.SignedInAt)
            .ToList();
    }

    /// <summary>Signs out the browser with <paramref name="reference"/>; false when there is none.</summary>
    public bool Revoke(string reference) =>
        database.Write(db => db.GetCollection(Collections.Access).DeleteMany(Query.EQ("ref", reference)) > 0);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
