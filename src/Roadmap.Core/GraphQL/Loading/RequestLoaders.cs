using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Loading;

/// <summary>The batch loaders of one GraphQL request: nodes by id, and each node's edges in either direction.</summary>
public sealed class RequestLoaders(IGraphStore store)
{
    public BatchLoader<string, Node> Nodes { get; } = new(store.GetNodesAsync);

    public BatchLoader<string, IReadOnlyList<Edge>> OutEdges { get; } =
        new((ids, ct) => store.GetEdgesAsync(ids, Direction.Forward, ct));

    public BatchLoader<string, IReadOnlyList<Edge>> InEdges { get; } =
        new((ids, ct) => store.GetEdgesAsync(ids, Direction.Backward, ct));

    /// <summary>Forgets what was loaded: after a mutation, so the rest of the request reads the graph as it now is.</summary>
    public void Clear()
    {
        Nodes.Clear();
        OutEdges.Clear();
        InEdges.Clear();
    }
}
