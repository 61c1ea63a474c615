using System.Diagnostics;
using System.Diagnostics.Metrics;
using Roadmap.Core.Storage;

namespace Roadmap.Core.Telemetry;

/// <summary>
/// The service's own traces and metrics, under one name ("Roadmap") for both the activity source and the meter, so
/// a host enables them with AddSource(Name) and AddMeter(Name). docs/observability.md lists every span and metric.
/// </summary>
public static class RoadmapTelemetry
{
    public const string Name = "Roadmap";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    // Span tags.
    public const string OperationNameTag = "graphql.operation.name";
    public const string OperationTypeTag = "graphql.operation.type";
    public const string DocumentHashTag = "graphql.document.hash";
    public const string ErrorCodesTag = "roadmap.graphql.error_codes";
    public const string ComplexityTag = "roadmap.graphql.complexity";
    public const string DepthTag = "roadmap.graphql.depth";
    // Metric tags.
    public const string OperationTag = "operation";
    public const string OutcomeTag = "outcome";

    // The SDK's default boundaries (0 to 10,000) suit milliseconds; these durations are in seconds, 1 ms to 10 s.
    private static InstrumentAdvice<double> SecondsBuckets => new() { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] };

    public static readonly Counter<long> GraphQLRequests = Meter.CreateCounter<long>(
        "roadmap.graphql.requests", "{request}", "GraphQL operations executed, by operation name, type and outcome (ok or the first error code).");

    public static readonly Histogram<double> GraphQLDuration = Meter.CreateHistogram<double>(
        "roadmap.graphql.duration", "s", "Time to parse, validate and execute one GraphQL operation.", tags: null, SecondsBuckets);

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "roadmap.http.rate_limited", "{request}", "Requests refused with 429 by the per-address or per-key rate limit.");

    public static readonly Counter<long> Unauthenticated = Meter.CreateCounter<long>(
        "roadmap.http.unauthenticated", "{request}", "Requests refused with 401 for a missing or wrong API key.");

    public static readonly Counter<long> ConnectionsRefused = Meter.CreateCounter<long>(
        "roadmap.http.connections_refused", "{connection}", "Connections closed on arrival because their address already holds Connections:MaxPerAddress.");

    public static readonly Counter<long> Edits = Meter.CreateCounter<long>(
        "roadmap.store.edits", "{edit}", "Edits the embedded store tried to commit, by outcome (committed or failed).");

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "roadmap.store.commit.duration", "s", "Time to write and sync one edit to the database file.", tags: null, SecondsBuckets);

    // One store serves a process in production, but test hosts and tools load several side by side: each loaded store
    // is its own series, tagged with its database file, and a store that is dropped stops being measured.
    private static readonly List<(WeakReference<EmbeddedGraphStore> Store, string Database)> s_readModels = [];

    /// <summary>The tag naming which database file a read-model series measures.</summary>
    public const string DatabaseTag = "database";

    static RoadmapTelemetry()
    {
        Meter.CreateObservableGauge("roadmap.graph.nodes", () => ReadModelSize(g => g.NodeCount), "{node}", "Nodes in the in-memory read model.");
        Meter.CreateObservableGauge("roadmap.graph.edges", () => ReadModelSize(g => g.EdgeCount), "{edge}", "Edges in the in-memory read model.");
        Meter.CreateObservableGauge("roadmap.readmodel.snapshot.age", SnapshotAge, "s", "Seconds since the in-memory read model was loaded or last replaced by a commit.");
    }

    /// <summary>Adds <paramref name="store"/>'s read model, loaded from <paramref name="database"/>, to what the size gauges report; held weakly.</summary>
    public static void ObserveReadModel(EmbeddedGraphStore store, string database)
    {
        lock (s_readModels)
        {
            s_readModels.RemoveAll(r => !r.Store.TryGetTarget(out var live) || ReferenceEquals(live, store) || r.Database == database);
            s_readModels.Add((new WeakReference<EmbeddedGraphStore>(store), database));
        }
    }

    private static List<Measurement<T>> Measure<T>(Func<EmbeddedGraphStore, T?> measure) where T : struct
    {
        var measurements = new List<Measurement<T>>();
        lock (s_readModels)
        {
            s_readModels.RemoveAll(r => !r.Store.TryGetTarget(out _));
            foreach (var (reference, database) in s_readModels)
            {
                if (reference.TryGetTarget(out var store) && measure(store) is { } value)
                    measurements.Add(new Measurement<T>(value, new KeyValuePair<string, object?>(DatabaseTag, database)));
            }
        }
        return measurements;
    }

    private static List<Measurement<double>> SnapshotAge() => Measure(store => store.SnapshotAge?.TotalSeconds);

    // The counts GraphIndex keeps: a scrape costs two field reads per store, not a pass over the graph.
    private static List<Measurement<int>> ReadModelSize(Func<Graph.GraphIndex, int> size) =>
        Measure(store => store.LatestGraph is { } graph ? size(graph) : (int?)null);
}
