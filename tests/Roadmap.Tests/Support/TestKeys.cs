using System.Net.Http.Headers;
using Roadmap.Core.Security;

namespace Roadmap.Tests.Support;

/// <summary>Keys for the tests: an editor and an admin, configured by hash as an operator would.</summary>
internal static class TestKeys
{
    public static readonly (string Key, string Hash) Editor = ApiKeys.Create();
    public static readonly (string Key, string Hash) Admin = ApiKeys.Create();

    public static (string, string)[] Settings(params (string, string)[] more) =>
    [
        ("Auth:Keys:0:Name", "curator"), ("Auth:Keys:0:Role", "editor"), ("Auth:Keys:0:Hash", Editor.Hash),
        ("Auth:Keys:1:Name", "chief"), ("Auth:Keys:1:Role", "admin"), ("Auth:Keys:1:Hash", Admin.Hash),
        .. more,
    ];

    public static HttpClient With(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
