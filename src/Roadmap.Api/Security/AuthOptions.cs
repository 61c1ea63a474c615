using Roadmap.Core.Security;

namespace Roadmap.Api.Security;

/// <summary>Who may read: anyone (the default), or only callers with a key.</summary>
public enum ReadAccess { Open, Key }

/// <summary>API keys and who may read (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public ReadAccess ReadAccess { get; set; } = ReadAccess.Open;

    /// <summary>Each key's name, role and hash; <c>roadmap key new</c> prints an entry.</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];

    /// <summary>Requests each key may make per minute, on top of the per-address limit; 0 turns it off.</summary>
    public int RequestsPerMinutePerKey { get; set; } = 300;
}
