using System.Net;
using System.Text;

namespace Roadmap.Tests.Api.Http;

/// <summary>
/// GET queries as a polling roadmap tool sends them: the answer carries an ETag of the graph's revision and the
/// request, a repeat with If-None-Match is 304 without a body, and an edit makes the next answer new.
/// </summary>
public class HttpCachingTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    private const string Query = "/graphql?query=%7B%20stats%20%7B%20nodeCount%20revision%20%7D%20%7D";

    private static HttpRequestMessage Get(string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Query);
        request.Headers.Accept.ParseAdd("application/json");
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return request;
    }

    [Fact]
    public async Task A_repeated_get_is_304_until_an_edit_changes_the_revision()
    {
        var client = await factory.ReadyClientAsync();

        var first = await client.SendAsync(Get());
        var etag = first.Headers.ETag!.ToString();
        var again = await client.SendAsync(Get(etag));
        var editor = client.With(TestKeys.Editor.Key);
        var (status, body, _) = await GraphQLClient.PostAsync(editor, """
            mutation { upsertNode(input: { id: "technology:cached", kind: TECHNOLOGY, nameZh: "缓存", nameEn: "cached",
              sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { revision } }
            """, accept: "application/json");
        status.ShouldBe(200, body);
        var afterEdit = await (await factory.ReadyClientAsync()).SendAsync(Get(etag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        etag.ShouldStartWith("W/\"r");
        first.Headers.CacheControl!.ToString().ShouldBe("no-cache");
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        again.Headers.ETag!.ToString().ShouldBe(etag);
        afterEdit.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterEdit.Headers.ETag!.ToString().ShouldNotBe(etag);
        (await afterEdit.Content.ReadAsStringAsync()).ShouldContain("\"revision\"");
    }

    [Fact]
    public async Task Another_query_an_error_or_a_post_gets_no_shared_tag()
    {
        var client = await factory.ReadyClientAsync();

        var stats = (await client.SendAsync(Get())).Headers.ETag!.ToString();
        var other = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20stats%20%7B%20edgeCount%20%7D%20%7D");
        other.Headers.Accept.ParseAdd("application/json");
        other.Headers.TryAddWithoutValidation("If-None-Match", stats);
        var otherAnswer = await client.SendAsync(other);
        var broken = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20nope%20%7D");
        broken.Headers.Accept.ParseAdd("application/json");
        var brokenAnswer = await client.SendAsync(broken);
        var post = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ stats { nodeCount } }"}""", Encoding.UTF8, "application/json"),
        });

        otherAnswer.StatusCode.ShouldBe(HttpStatusCode.OK, "a tag names one request");
        otherAnswer.Headers.ETag!.ToString().ShouldNotBe(stats);
        brokenAnswer.Headers.ETag.ShouldBeNull();
        post.Headers.ETag.ShouldBeNull();
    }
}
