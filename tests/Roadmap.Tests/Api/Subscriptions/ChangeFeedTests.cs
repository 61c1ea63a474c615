using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Roadmap.Api.Subscriptions;

namespace Roadmap.Tests.Api.Subscriptions;

/// <summary>The API with keys, a short heartbeat and room for two subscriptions per address.</summary>
public sealed class FeedApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(("Subscriptions:HeartbeatInterval", "00:00:00.200"), ("Subscriptions:MaxPerAddress", "2")));

/// <summary>graphChanged over SSE (graphql-sse, distinct connections) and WebSocket (graphql-transport-ws): live changes, replay, bounds.</summary>
public class ChangeFeedTests(FeedApiFactory factory) : IClassFixture<FeedApiFactory>
{
    private const string Watch = "subscription($after: Int) { graphChanged(afterRevision: $after) { revision operation actor nodes { id change } edges { id change } } }";

    private static string NewTechnology(string id) => $$"""
        mutation { upsertNode(input: { id: "{{id}}", kind: TECHNOLOGY, nameZh: "{{id}}", nameEn: "{{id}}",
          sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { revision } }
        """;

    private static async Task<int> CommitAsync(HttpClient editor, string id)
    {
        var (status, body, _) = await GraphQLClient.PostAsync(editor, NewTechnology(id), accept: "application/json");
        status.ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("upsertNode").GetProperty("revision").GetInt32();
    }

    /// <summary>An SSE subscription: the response, and a reader of its events.</summary>
    private static async Task<(HttpResponseMessage Response, StreamReader Events)> SubscribeSseAsync(HttpClient client, int? after = null, string path = "/graphql/stream")
    {
        var body = JsonSerializer.Serialize(new { query = Watch, variables = new { after } });
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The data of the next 'next' event, skipping heartbeats.</summary>
    private static async Task<JsonElement> NextEventAsync(StreamReader events, List<string>? seen = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? name = null;
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            seen?.Add(line);
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "next") return JsonDocument.Parse(line[6..]).RootElement;
        }
        throw new EndOfStreamException("The stream ended without a next event.");
    }

    [Fact]
    public async Task Over_sse_an_anonymous_subscriber_hears_of_a_mutation_by_ids_without_who_and_heartbeats_keep_the_stream_alive()
    {
        var anonymous = await factory.ReadyClientAsync();
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var (response, events) = await SubscribeSseAsync(anonymous);
        using (response)
        {
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
            var seen = new List<string>();
            await Task.Delay(500);
            var revision = await CommitAsync(editor, "technology:feed-sse");

            var change = await NextEventAsync(events, seen);

            change.GetProperty("data").GetProperty("graphChanged").ToString().ShouldBe($$"""
                {"revision":{{revision}},"operation":"upsertNode","actor":null,"nodes":[{"id":"technology:feed-sse","change":"CREATED"}],"edges":[]}
                """.Trim());
            seen.ShouldContain(":");
        }
    }

    [Fact]
    public async Task Over_sse_a_reconnect_with_after_revision_replays_what_it_missed_in_order_then_goes_on_live()
    {
        var anonymous = await factory.ReadyClientAsync();
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var seenLast = await CommitAsync(editor, "technology:feed-before");
        var missedFirst = await CommitAsync(editor, "technology:feed-missed-1");
        var missedSecond = await CommitAsync(editor, "technology:feed-missed-2");

        var (response, events) = await SubscribeSseAsync(anonymous, after: seenLast);
        using (response)
        {
            var first = await NextEventAsync(events);
            var second = await NextEventAsync(events);
            var live = await CommitAsync(editor, "technology:feed-live");
            var third = await NextEventAsync(events);

            first.GetProperty("data").GetProperty("graphChanged").GetProperty("revision").GetInt32().ShouldBe(missedFirst);
            second.GetProperty("data").GetProperty("graphChanged").GetProperty("nodes")[0].GetProperty("id").GetString().ShouldBe("technology:feed-missed-2");
            second.GetProperty("data").GetProperty("graphChanged").GetProperty("revision").GetInt32().ShouldBe(missedSecond);
            third.GetProperty("data").GetProperty("graphChanged").GetProperty("revision").GetInt32().ShouldBe(live);
        }
    }

    [Fact]
    public async Task Over_websocket_graphql_transport_ws_acknowledges_streams_a_change_with_who_for_an_editor_and_completes()
    {
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        client.ConfigureRequest = r => r.Headers.Authorization = $"Bearer {TestKeys.Editor.Key}";
        using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql/ws"), CancellationToken.None);
        socket.SubProtocol.ShouldBe("graphql-transport-ws");

        await SendAsync(socket, new { type = "connection_init" });
        (await ReceiveAsync(socket)).GetProperty("type").GetString().ShouldBe("connection_ack");
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = Watch } });
        await Task.Delay(300);
        var revision = await CommitAsync(editor, "technology:feed-ws");
        var next = await ReceiveAsync(socket, skip: "ping");
        await SendAsync(socket, new { type = "ping" });
        var pong = await ReceiveAsync(socket, skip: "ping");

        next.GetProperty("id").GetString().ShouldBe("1");
        next.GetProperty("type").GetString().ShouldBe("next");
        next.GetProperty("payload").GetProperty("data").GetProperty("graphChanged").ToString().ShouldBe($$"""
            {"revision":{{revision}},"operation":"upsertNode","actor":"curator","nodes":[{"id":"technology:feed-ws","change":"CREATED"}],"edges":[]}
            """.Trim());
        pong.GetProperty("type").GetString().ShouldBe("pong");
        await SendAsync(socket, new { id = "1", type = "complete" });
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    [Fact]
    public async Task Over_websocket_a_key_in_the_connection_init_payload_is_the_subscribers_and_a_wrong_one_closes_with_4403()
    {
        // As a browser connects: no headers on the upgrade, the key in connection_init.
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql/ws"), CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = $"Bearer {TestKeys.Editor.Key}" } });
        (await ReceiveAsync(socket)).GetProperty("type").GetString().ShouldBe("connection_ack");
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = Watch } });
        await Task.Delay(300);
        await CommitAsync(editor, "technology:feed-ws-init");
        var next = await ReceiveAsync(socket, skip: "ping");
        next.GetProperty("payload").GetProperty("data").GetProperty("graphChanged").GetProperty("actor").GetString().ShouldBe("curator");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);

        using var wrong = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql/ws"), CancellationToken.None);
        await SendAsync(wrong, new { type = "connection_init", payload = new { authorization = "Bearer rk_not-a-key" } });
        var result = await wrong.ReceiveAsync(new byte[1024], CancellationToken.None);
        result.MessageType.ShouldBe(WebSocketMessageType.Close);
        ((int)result.CloseStatus!).ShouldBe(4403);
    }

    [Fact]
    public async Task Over_websocket_a_subscribe_before_connection_init_closes_with_4401()
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql/ws"), CancellationToken.None);

        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = Watch } });
        var result = await socket.ReceiveAsync(new byte[1024], CancellationToken.None);

        result.MessageType.ShouldBe(WebSocketMessageType.Close);
        ((int)result.CloseStatus!).ShouldBe(4401);
    }

    [Fact]
    public async Task A_third_subscription_from_one_address_is_refused_when_two_are_allowed()
    {
        var anonymous = await factory.ReadyClientAsync();
        var (first, _) = await SubscribeSseAsync(anonymous);
        var (second, _) = await SubscribeSseAsync(anonymous);
        var (third, thirdBody) = await SubscribeSseAsync(anonymous);
        using (first)
        using (second)
        using (third)
        {
            first.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            second.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            ((int)third.StatusCode).ShouldBe(429);
            (await thirdBody.ReadToEndAsync()).ShouldContain("\"code\":\"TOO_MANY_SUBSCRIPTIONS\"");
        }
        // Closing one frees its place.
        await Task.Delay(300);
        var (again, _) = await SubscribeSseAsync(anonymous);
        using (again) again.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public void The_limiter_allows_exactly_100_subscriptions_per_address_by_default_and_one_more_after_a_release()
    {
        var limiter = new SubscriptionLimiter(Options.Create(new SubscriptionOptions()));
        var leases = Enumerable.Range(0, 100).Select(_ => limiter.TryAcquire("203.0.113.7")).ToList();

        leases.ShouldAllBe(l => l != null);
        limiter.TryAcquire("203.0.113.7").ShouldBeNull();
        limiter.TryAcquire("203.0.113.8").ShouldNotBeNull();
        leases[0]!.Dispose();
        leases[0]!.Dispose();
        limiter.TryAcquire("203.0.113.7").ShouldNotBeNull();
        limiter.TryAcquire("203.0.113.7").ShouldBeNull();
    }

    [Fact]
    public async Task A_subscriber_that_falls_a_full_queue_behind_is_dropped_and_keeps_what_it_had()
    {
        using var queue = new ResultQueue(capacity: 3);
        for (var i = 0; i < 3; i++) queue.OnNext(new GraphQL.ExecutionResult { Data = i });
        queue.Dropped.ShouldBeFalse();

        queue.OnNext(new GraphQL.ExecutionResult { Data = 3 });

        queue.Dropped.ShouldBeTrue();
        var kept = new List<object?>();
        await foreach (var result in queue.Reader.ReadAllAsync()) kept.Add(result.Data);
        kept.ShouldBe([0, 1, 2]);
    }

    [Fact]
    public async Task One_url_serves_every_transport_sse_and_websocket_on_graphql_itself()
    {
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var (response, events) = await SubscribeSseAsync(await factory.ReadyClientAsync(), path: "/graphql");
        using (response)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
            await Task.Delay(300);
            var revision = await CommitAsync(editor, "technology:feed-one-url-sse");
            (await NextEventAsync(events)).GetProperty("data").GetProperty("graphChanged").GetProperty("revision").GetInt32().ShouldBe(revision);
        }

        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql"), CancellationToken.None);
        socket.SubProtocol.ShouldBe("graphql-transport-ws");
        await SendAsync(socket, new { type = "connection_init" });
        (await ReceiveAsync(socket)).GetProperty("type").GetString().ShouldBe("connection_ack");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);

        // A client that accepts JSON is answered once, as before.
        var (status, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(), "{ stats { nodeCount } }", accept: "application/json");
        status.ShouldBe(200);
        body.ShouldContain("nodeCount");
    }

    [Fact]
    public async Task A_legacy_graphql_ws_client_is_told_which_subprotocol_to_use()
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-ws");
        using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql"), CancellationToken.None);

        var buffer = new byte[256];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);

        result.MessageType.ShouldBe(WebSocketMessageType.Close);
        ((int)socket.CloseStatus!).ShouldBe(4406);
        socket.CloseStatusDescription.ShouldBe("graphql-ws (subscriptions-transport-ws) is not served: use graphql-transport-ws");
    }

    [Fact]
    public async Task A_subscription_sent_to_the_plain_endpoint_is_refused_with_a_code_that_names_the_streaming_ones()
    {
        var (status, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(), "subscription { graphChanged { revision } }", accept: "application/json");

        status.ShouldBe(200);
        body.ShouldContain("\"code\":\"SUBSCRIPTION_OVER_HTTP\"");
        body.ShouldContain("/graphql/stream");
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket, string? skip = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var buffer = new byte[64 * 1024];
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            result.MessageType.ShouldBe(WebSocketMessageType.Text, $"closed: {result.CloseStatus} {result.CloseStatusDescription}");
            var message = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement;
            if (skip is null || message.GetProperty("type").GetString() != skip) return message;
        }
    }
}
