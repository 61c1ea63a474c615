using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Paging;

/// <summary>A page of nodes as a Relay connection: the store's window, and the fingerprint its cursors carry.</summary>
public sealed record NodeConnection(NodeWindow Window, string Fingerprint)
{
    public IReadOnlyList<NodeConnectionEdge> Edges { get; } =
        Window.Nodes.Select((n, i) => new NodeConnectionEdge(Cursors.Encode(Fingerprint, Window.Keys[i]), n)).ToList();

    public PageInfo PageInfo => new(Window.HasNextPage, Window.HasPreviousPage, Edges.Count > 0 ? Edges[0].Cursor : null, Edges.Count > 0 ? Edges[^1].Cursor : null);
}

public sealed record NodeConnectionEdge(string Cursor, Node Node);
