using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Roadmap.Tests.Api.Http;

/// <summary>
/// Bodies sent slower than Kestrel:Limits:MinRequestBodyDataRate are the client's fault: each is answered 400
/// BAD_REQUEST and logged by Kestrel at Debug, never as an application error, so a client cannot fill the error log.
/// </summary>
[ProcessTier]
public class SlowBodyTests
{
    private const int Clients = 20;

    [Fact]
    public async Task Slow_bodies_are_answered_400_and_logged_at_Debug_only()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-slowbody-").FullName, "roadmap.db");
        using var api = await ApiProcess.StartAsync(database,
            ("Logging:Format", "json"), ("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel.BadRequests", "Debug"),
            ("Kestrel:Limits:MinRequestBodyDataRate:GracePeriod", "00:00:02"));

        // The readiness probes while the graph loaded log errors of their own; only what follows counts.
        var before = api.Output.Count;
        var responses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => TrickleAsync(api.Address)));

        responses.ShouldAllBe(r => r.StartsWith("HTTP/1.1 400", StringComparison.Ordinal) && r.Contains("\"code\":\"BAD_REQUEST\"", StringComparison.Ordinal) && r.Contains("MinRequestBodyDataRate", StringComparison.Ordinal));
        var entries = Entries(api, before).ToList();
        for (var attempt = 0; attempt < 20 && entries.Count(IsSlowBody) < Clients; attempt++)
        {
            await Task.Delay(100);
            entries = [.. Entries(api, before)];
        }
        entries.Count(IsSlowBody).ShouldBeGreaterThanOrEqualTo(Clients);
        entries.Where(e => e.GetProperty("LogLevel").GetString() is "Warning" or "Error" or "Critical").Select(e => e.GetRawText()).ShouldBeEmpty();
        (await GraphQLClient.PostAsync(new HttpClient { BaseAddress = api.Address }, "{ stats { nodeCount } }")).Body.ShouldBe("""{"data":{"stats":{"nodeCount":8}}}""");
    }

    // Kestrel's "the request timed out because it was not sent by the client at a minimum of ... bytes/second".
    private static bool IsSlowBody(JsonElement entry) =>
        entry.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Server.Kestrel.BadRequests" && entry.GetProperty("EventId").GetInt32() == 27
        && entry.GetProperty("LogLevel").GetString() == "Debug";

    private static IEnumerable<JsonElement> Entries(ApiProcess api, int skip) =>
        api.Output.Skip(skip).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement);

    /// <summary>Announces a 10,000-byte body and sends one byte of it a second; returns what the server answered.</summary>
    private static async Task<string> TrickleAsync(Uri address)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes("POST /graphql HTTP/1.1\r\nHost: roadmap\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!deadline.IsCancellationRequested)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            tick.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                var read = await socket.ReceiveAsync(buffer, tick.Token);
                if (read == 0) break;
                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
                try
                {
                    await socket.SendAsync(" "u8.ToArray());
                }
                catch (SocketException)
                {
                    break;
                }
            }
            catch (SocketException)
            {
                break;
            }
        }
        return answer.ToString();
    }
}
