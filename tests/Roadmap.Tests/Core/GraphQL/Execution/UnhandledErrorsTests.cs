using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Core.Errors;
using Roadmap.Core.Storage;
using Roadmap.Tests.Support;

namespace Roadmap.Tests.Core.GraphQL.Execution;

/// <summary>The API on the test graph, with a store whose stats fail as a bug would and whose search refuses, and its log captured.</summary>
public sealed class FaultyStoreApiFactory : RoadmapApiFactory
{
    public FaultyStoreApiFactory() : base(TestSeeds.Path) { }

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IGraphStore>(sp => new FaultyStore(sp.GetRequiredService<EmbeddedGraphStore>()));
            services.AddSingleton<ILoggerProvider>(Log);
        });
    }

    private sealed class FaultyStore(IGraphStore inner) : ForwardingGraphStore(inner)
    {
        public override Task<GraphStats> StatsAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret detail: sector 7 of /var/lib/roadmap.db");

        public override Task<Roadmap.Core.Analysis.NameHitPage> SearchAsync(string text, IReadOnlySet<Roadmap.Core.Graph.NodeKind>? kinds, Roadmap.Core.Analysis.NameHitKey? after, int first, CancellationToken cancellationToken) =>
            throw new RoadmapException(ErrorCodes.ReadOnlyStore, "refused by the store");
    }

    /// <summary>Every log entry, with its level, message and exception.</summary>
    public sealed class CapturedLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception), exception));

        public void Dispose()
        {
        }
    }
}

public partial class UnhandledErrorsTests(FaultyStoreApiFactory factory) : IClassFixture<FaultyStoreApiFactory>
{
    [Fact]
    public async Task A_fault_is_internal_with_a_request_id_and_nothing_else_and_the_log_has_the_operation_and_the_id()
    {
        var client = await factory.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.SendAsync(client, """{"query":"query CountNodes { stats { nodeCount } }","operationName":"CountNodes"}""", "application/json", "application/json");

        status.ShouldBe(200, body);
        var error = JsonNode.Parse(body)!["errors"]![0]!;
        error["extensions"]!["code"]!.GetValue<string>().ShouldBe("INTERNAL");
        var message = error["message"]!.GetValue<string>();
        var requestId = RequestId().Match(message).Groups[1].Value;
        requestId.ShouldNotBeEmpty(message);
        body.ShouldNotContain("secret detail");
        body.ShouldNotContain("InvalidOperationException");
        factory.Log.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains("CountNodes", StringComparison.Ordinal)
            && e.Message.Contains(requestId, StringComparison.Ordinal) && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_refusal_the_core_raises_keeps_its_catalogued_code_and_message()
    {
        var client = await factory.ReadyClientAsync();

        var (_, body, _) = await GraphQLClient.PostAsync(client, "{ search(text: \"CT\") { nodes { id } } }", accept: "application/json");

        var error = JsonNode.Parse(body)!["errors"]![0]!;
        error["extensions"]!["code"]!.GetValue<string>().ShouldBe("READ_ONLY_STORE");
        error["message"]!.GetValue<string>().ShouldBe("refused by the store");
    }

    [GeneratedRegex(@"\(request ([^)\s]+)\)")]
    private static partial Regex RequestId();
}
