using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Roadmap.Core.Errors;
using Roadmap.Core.Security;
using Roadmap.Core.Telemetry;

namespace Roadmap.Tests.Api.Telemetry;

/// <summary>The API with keys, its spans also kept in a list.</summary>
public sealed class TracedApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings())
{
    public List<Activity> Spans { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans)));
    }

    /// <summary>The spans so far; the list is filled from whichever thread ends a span.</summary>
    public Activity[] SpansNow()
    {
        lock (Spans) return [.. Spans];
    }
}

public class TelemetryTests(TracedApiFactory factory) : IClassFixture<TracedApiFactory>
{
    // Every host in the test process listens to the one "Roadmap" source and meter: a name of its own picks out this test's operation.
    private static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_operation_is_a_span_with_its_name_document_hash_complexity_and_error_codes()
    {
        var client = await factory.ReadyClientAsync();
        var good = UniqueName("TraceGood");
        var bad = UniqueName("TraceBad");

        var (goodStatus, _, _) = await GraphQLClient.PostAsync(client, $"query {good} {{ stats {{ nodeCount }} }}");
        var (_, badBody, _) = await GraphQLClient.PostAsync(client, $"query {bad} {{ stats {{ nodeCount }} noSuchField }}");

        goodStatus.ShouldBe(200);
        badBody.ShouldContain(ErrorCodes.FieldsOnCorrectType.Code);
        var spans = factory.SpansNow().Where(s => s.Source.Name == RoadmapTelemetry.Name).ToArray();
        var goodSpan = spans.Where(s => Equals(s.GetTagItem(RoadmapTelemetry.OperationNameTag), good)).ShouldHaveSingleItem();
        goodSpan.DisplayName.ShouldBe($"query {good}");
        goodSpan.GetTagItem(RoadmapTelemetry.OperationTypeTag).ShouldBe("query");
        goodSpan.GetTagItem(RoadmapTelemetry.DocumentHashTag).ShouldBeOfType<string>().Length.ShouldBe(16);
        goodSpan.GetTagItem(RoadmapTelemetry.ErrorCodesTag).ShouldBeNull();
        goodSpan.Status.ShouldBe(ActivityStatusCode.Unset);
        goodSpan.GetTagItem(RoadmapTelemetry.ComplexityTag).ShouldBeOfType<double>().ShouldBeGreaterThan(0);
        goodSpan.GetTagItem(RoadmapTelemetry.DepthTag).ShouldBe(2);

        var badSpan = spans.Where(s => Equals(s.GetTagItem(RoadmapTelemetry.OperationNameTag), bad)).ShouldHaveSingleItem();
        badSpan.GetTagItem(RoadmapTelemetry.ErrorCodesTag).ShouldBeOfType<string[]>().ShouldBe([ErrorCodes.FieldsOnCorrectType.Code]);
        badSpan.Status.ShouldBe(ActivityStatusCode.Error);
        badSpan.GetTagItem(RoadmapTelemetry.DocumentHashTag).ShouldNotBe(goodSpan.GetTagItem(RoadmapTelemetry.DocumentHashTag));
        // Under the request's own span from the ASP.NET Core instrumentation.
        goodSpan.Parent.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_edit_is_a_commit_span_under_its_operation()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var name = UniqueName("TraceEdit");

        var (_, body, _) = await GraphQLClient.PostAsync(client, Upsert(name));

        body.ShouldContain("revision");
        var spans = factory.SpansNow().Where(s => s.Source.Name == RoadmapTelemetry.Name).ToArray();
        var operation = spans.Where(s => Equals(s.GetTagItem(RoadmapTelemetry.OperationNameTag), name)).ShouldHaveSingleItem();
        operation.GetTagItem(RoadmapTelemetry.OperationTypeTag).ShouldBe("mutation");
        spans.ShouldContain(s => s.DisplayName == "store.commit" && s.ParentSpanId == operation.SpanId);
    }

    [Fact]
    public async Task Metrics_are_served_in_Prometheus_text_without_a_key_after_a_query_an_edit_and_a_refusal()
    {
        var anonymous = await factory.ReadyClientAsync();
        var editor = factory.CreateClient().With(TestKeys.Editor.Key);
        var query = UniqueName("MetricsQuery");
        await GraphQLClient.PostAsync(anonymous, $"query {query} {{ stats {{ nodeCount }} }}");
        await GraphQLClient.PostAsync(editor, Upsert(UniqueName("MetricsEdit")));
        var (refusedStatus, _, _) = await GraphQLClient.PostAsync(factory.CreateClient().With(ApiKeys.Create().Key), $"query {query} {{ stats {{ nodeCount }} }}");

        var response = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        refusedStatus.ShouldBe(401);
        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        Series(text, "roadmap_graphql_requests_total", $"operation=\"{query}\"", "outcome=\"ok\"", "graphql_operation_type=\"query\"").ShouldBe(1);
        Series(text, "roadmap_graphql_duration_seconds_count", $"operation=\"{query}\"", "outcome=\"ok\"").ShouldBe(1);
        Series(text, "roadmap_graphql_duration_seconds_bucket", $"operation=\"{query}\"", "le=\"10\"").ShouldBe(1);
        Series(text, "roadmap_store_edits_total", "outcome=\"committed\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(text, "roadmap_store_commit_duration_seconds_count").ShouldBeGreaterThanOrEqualTo(1);
        Series(text, "roadmap_http_unauthenticated_total", "reason=\"wrong_key\"").ShouldBeGreaterThanOrEqualTo(1);
        // Other hosts in this process have stores of their own: this one's series is the one tagged with its file.
        var database = $"database=\"{factory.DatabasePath}\"";
        Series(text, "roadmap_graph_nodes", database).ShouldBeGreaterThan(0);
        Series(text, "roadmap_graph_edges", database).ShouldBeGreaterThan(0);
        Series(text, "roadmap_readmodel_snapshot_age_seconds", database).ShouldBeGreaterThanOrEqualTo(0);
    }

    /// <summary>The value of the one series of <paramref name="metric"/> with all of <paramref name="labels"/>; fails if there is none.</summary>
    private static double Series(string text, string metric, params string[] labels)
    {
        var line = text.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l.Contains)).ShouldHaveSingleItem();
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Upsert(string operationName) =>
        $$"""mutation {{operationName}} { upsertNode(input: { id: "component:{{operationName.ToLowerInvariant()}}", kind: COMPONENT, componentType: PART, nameZh: "探针", nameEn: "probe", sources: [{ document: "document:test-plan", section: "二", quote: "大热容量球管" }] }) { revision } }""";
}
