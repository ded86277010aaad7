using System.Security.Cryptography;
using LiteDB;

namespace NightLeg.Sync.Storage;

/// <summary>
/// Browser access tokens for LAN mode, kept (as SHA-256 hashes) in the database so a phone stays
/// let in across restarts. Thread-safe.
/// </summary>
public sealed class AccessTokens(NightLegDatabase database)
{
    private readonly ILiteCollection<BsonDocument> _tokens = database.Database.GetCollection("access");

    /// <summary>Creates a new token (returned once, stored hashed).</summary>
    public string Issue(DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens.Insert(new BsonDocument { ["_id"] = Hash(token), ["issued"] = now.ToUnixTimeMilliseconds() });
        return token;
    }

    /// <summary>True when <paramref name="token"/> was issued here.</summary>
    public bool IsValid(string? token) => !string.IsNullOrEmpty(token) && _tokens.FindById(Hash(token)) is not null;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
