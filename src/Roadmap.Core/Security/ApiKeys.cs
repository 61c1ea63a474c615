using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Roadmap.Core.Security;

/// <summary>What a key may do. Editors add and change nodes, edges, assessments and sources; admins may also delete nodes.</summary>
public static class Roles
{
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Editor or Admin;

    /// <summary>Admins can do everything editors can.</summary>
    public static bool Grants(ClaimsPrincipal user, string role) => user.IsInRole(Admin) || (role == Editor && user.IsInRole(Editor));
}

/// <summary>One configured key: a name for the audit log, a role, and the key's SHA-256 — never the key itself.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary><c>sha256:</c> and 64 lowercase hex digits, as <c>roadmap key new</c> prints it.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>
/// API keys: 32 random bytes, so a plain SHA-256 is enough to store them (a slow password hash protects guessable
/// secrets; these are not guessable). Keys are looked up by hash, so the configuration never holds a usable key.
/// </summary>
public sealed class ApiKeys
{
    public const string Prefix = "rk_";
    private const string HashPrefix = "sha256:";
    private readonly Dictionary<string, ApiKeyEntry> _byHash = new(StringComparer.Ordinal);

    /// <summary>Checks every entry and throws <see cref="InvalidOperationException"/> at the first malformed one.</summary>
    public ApiKeys(IEnumerable<ApiKeyEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Name)) throw new InvalidOperationException("Every Auth:Keys entry needs a Name (it is what the audit log records).");
            if (!Roles.IsKnown(entry.Role)) throw new InvalidOperationException($"Auth:Keys '{entry.Name}' has role '{entry.Role}'; use '{Roles.Editor}' or '{Roles.Admin}'.");
            if (entry.Hash.StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Auth:Keys '{entry.Name}' holds a key, not its hash; configure the 'sha256:…' line 'roadmap key new' printed.");
            }
            if (!entry.Hash.StartsWith(HashPrefix, StringComparison.Ordinal) || entry.Hash.Length != HashPrefix.Length + 64 || !entry.Hash[HashPrefix.Length..].All(char.IsAsciiHexDigitLower))
            {
                throw new InvalidOperationException($"Auth:Keys '{entry.Name}' Hash must be 'sha256:' and 64 lowercase hex digits.");
            }
            if (!_byHash.TryAdd(entry.Hash, entry)) throw new InvalidOperationException($"Auth:Keys '{entry.Name}' repeats another entry's hash.");
        }
    }

    /// <summary>A new random key and the hash to configure for it.</summary>
    public static (string Key, string Hash) Create()
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, Hash(key));
    }

    public static string Hash(string key) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The caller a key identifies, or null when no configured key matches.</summary>
    public ClaimsPrincipal? Authenticate(string key)
    {
        if (!_byHash.TryGetValue(Hash(key), out var entry)) return null;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, entry.Name), new Claim(ClaimTypes.Role, entry.Role)], authenticationType: "ApiKey");
        return new ClaimsPrincipal(identity);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
