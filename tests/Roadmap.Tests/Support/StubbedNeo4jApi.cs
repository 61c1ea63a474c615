using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Support;

/// <summary>The whole service configured for Neo4j (Store:Provider=Neo4j), its Query API client talking to the stub in memory.</summary>
internal static class StubbedNeo4jApi
{
    public static WebApplicationFactory<Program> Create(QueryApiStub stub, Action<IWebHostBuilder>? configure = null, Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Store:Provider", "Neo4j").UseSetting("Neo4j:Url", stub.Url);
            configure?.Invoke(builder);
            builder.ConfigureTestServices(collection =>
            {
                collection.AddHttpClient(nameof(Neo4jQueryClient)).ConfigurePrimaryHttpMessageHandler(stub.CreateHandler);
                services?.Invoke(collection);
            });
        });
}
