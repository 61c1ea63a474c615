using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Analysis;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>The API on the test graph, with path searches given a budget of a few steps, as a path explosion would exhaust the real one.</summary>
public sealed class TinyPathBudgetApiFactory : RoadmapApiFactory
{
    public const int Budget = 3;

    public TinyPathBudgetApiFactory() : base(TestSeeds.Path) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IGraphStore>(sp => new TinyBudgetStore(sp.GetRequiredService<EmbeddedGraphStore>())));
    }

    private sealed class TinyBudgetStore(EmbeddedGraphStore inner) : ForwardingGraphStore(inner)
    {
        public override Task<PathSearch> PathsAsync(string from, string to, int maxLength, int limit, TraversalControls controls, CancellationToken cancellationToken) =>
            Task.FromResult(GraphAlgorithms.SearchPaths(inner.Graph, from, to, maxLength, limit, Budget, controls));
    }
}

public class PathSearchBudgetTests(TinyPathBudgetApiFactory factory) : IClassFixture<TinyPathBudgetApiFactory>
{
    [Fact]
    public async Task A_path_search_cut_short_by_its_step_budget_says_so_and_keeps_what_it_found()
    {
        var client = await factory.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.PostAsync(client, """{ paths(from: "program:demo", to: "component:vacuum-bearing") { complete paths { length } } }""");

        status.ShouldBe(200, body);
        var paths = JsonNode.Parse(body)!["data"]!["paths"]!;
        ((bool)paths["complete"]!).ShouldBeFalse();
        // With the whole budget the same search finds paths of 3 and 4 edges (StoreConformanceTests); here fewer.
        paths["paths"]!.AsArray().Count.ShouldBeLessThan(2);
    }
}
