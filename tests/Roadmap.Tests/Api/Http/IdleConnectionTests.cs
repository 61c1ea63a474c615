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
}
