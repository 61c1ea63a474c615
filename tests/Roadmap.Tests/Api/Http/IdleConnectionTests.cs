using System.Net;
using System.Net.Sockets;

namespace Roadmap.Tests.Api.Http;

/// <summary>
/// More idle TCP connections than the process has file descriptors for: before Kestrel's limits were set, the API
/// ran out of descriptors, stopped answering, printed "Out of memory." and exited. Now it refuses what is over its
/// connection limit, closes the idle ones after the keep-alive timeout and goes on serving.
/// </summary>
[ProcessTier]
public class IdleConnectionTests
{
    [Fact]
    public async Task More_idle_connections_than_descriptors_leave_the_api_serving()
    {
        const int descriptors = 2_048;
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-idle-").FullName, "roadmap.db");
        // The connection limit is the default (half the descriptors); only the keep-alive timeout is shortened, so that the test need not wait 30 s.
        using var api = await ApiProcess.StartAsync(database, descriptors, ("Kestrel:Limits:KeepAliveTimeout", "00:00:03"));
        var residentBefore = api.ResidentBytes();
        var idle = new List<Socket>();
        try
        {
            for (var i = 0; i < descriptors + 500; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                idle.Add(socket);
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.ConnectAsync(api.Address.Host, api.Address.Port, timeout.Token);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                }
            }

            using var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(3) };
            var served = false;
            for (var attempt = 0; attempt < 30 && !served; attempt++)
            {
                try
                {
                    var (status, body, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");
                    served = status == 200 && body == """{"data":{"stats":{"nodeCount":8}}}""";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
                if (!served) await Task.Delay(500);
            }

            api.HasExited.ShouldBeFalse("the API exited");
            served.ShouldBeTrue("no request was served within 15 s of the idle connections");
            api.ResidentBytes().ShouldBeLessThan(residentBefore * 3, $"resident {residentBefore} before, {api.ResidentBytes()} after");
        }
        finally
        {
            foreach (var socket in idle) socket.Dispose();
        }
    }

    [Fact]
    public async Task One_address_holding_idle_connections_past_the_limit_leaves_others_served()
    {
        const int limit = 200;
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-idle-").FullName, "roadmap.db");
        // The per-address limit is its default, half the connection limit.
        using var api = await ApiProcess.StartAsync(database, ("Kestrel:Limits:MaxConcurrentConnections", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var idle = new List<Socket>();
        try
        {
            // All from 127.0.0.1, and all kept open: more than the whole connection limit.
            for (var i = 0; i < limit + 100; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                idle.Add(socket);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, api.Address.Port, timeout.Token);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                }
            }

            // Another loopback address is another client.
            using var other = new HttpClient(From(IPAddress.Parse("127.0.0.2"))) { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(5) };
            var (status, body, _) = await GraphQLClient.PostAsync(other, "{ stats { nodeCount } }");
            using var same = new HttpClient(From(IPAddress.Loopback)) { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(5) };
            var refused = await Should.ThrowAsync<HttpRequestException>(() => same.GetAsync(new Uri("/health/live", UriKind.Relative)));
            var metrics = await other.GetStringAsync(new Uri("/metrics", UriKind.Relative));

            api.HasExited.ShouldBeFalse("the API exited");
            status.ShouldBe(200, body);
            body.ShouldBe("""{"data":{"stats":{"nodeCount":8}}}""");
            // The first address is refused cleanly: its connection is closed, not left hanging until the timeout.
            refused.ShouldNotBeNull();
            var line = metrics.Split('\n').Where(l => l.StartsWith("roadmap_http_connections_refused_total", StringComparison.Ordinal)).ShouldHaveSingleItem();
            double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(100);
        }
        finally
        {
            foreach (var socket in idle) socket.Dispose();
        }
    }

    /// <summary>A handler whose connections leave from <paramref name="source"/>.</summary>
    private static SocketsHttpHandler From(IPAddress source) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
