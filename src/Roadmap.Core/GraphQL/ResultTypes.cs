using Roadmap.Core.Storage;
using Roadmap.Core.Errors;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL;

public sealed class SubgraphType : ObjectGraphType<Subgraph>
{
    public SubgraphType()
    {
        Name = "Subgraph";
        Description = "The nodes a bounded traversal reached, and the edges it followed.";
        Field<NodeInterface>("root").Description("The node the traversal started from; null for an unknown id.").Resolve(c => c.Source.Root);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("Reached nodes, nearest first; the root comes first.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when more lies beyond maxDepth.").Resolve(c => c.Source.Truncated);
        ExportField.Add(this, s => (s.Nodes, s.Edges));
    }
}

public sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Description = "A directed chain: nodes[i] -edges[i]-> nodes[i+1].";
        Field<NonNullGraphType<IntGraphType>>("length").Description("The number of edges.").Resolve(c => c.Source.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        ExportField.Add(this, p => (p.Nodes, p.Edges));
    }
}

public sealed class ImpactedNodeType : ObjectGraphType<ImpactedNode>
{
    public ImpactedNodeType()
    {
        Name = "ImpactedNode";
        Description = "A node that transitively needs a gap.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("distance").Description("Edges between this node and the nearest gap.").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<PathType>>("path").Description("One shortest chain from this node down to a gap: the evidence.").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<ImpactSeverityType>>("severity").Resolve(c => c.Source.Severity);
    }
}

public sealed class ImpactReportType : ObjectGraphType<ImpactReport>
{
    public ImpactReportType()
    {
        Name = "ImpactReport";
        Description = "What is hit if the given nodes stay unavailable (import-dependent, or a domestic gap), grouped by kind, nearest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("gaps").Description("The known nodes of the gap set.").Resolve(c => c.Source.Gaps);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("unknownIds").Description("Ids in the request that name no node.").Resolve(c => c.Source.UnknownIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeType>>>>("products").Resolve(c => c.Source.OfKind(NodeKind.Product));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeType>>>>("programs").Resolve(c => c.Source.OfKind(NodeKind.Program));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeType>>>>("components").Resolve(c => c.Source.OfKind(NodeKind.Component));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeType>>>>("technologies").Resolve(c => c.Source.OfKind(NodeKind.Technology));
        Field<NonNullGraphType<IntGraphType>>("blockedCount").Description("Impacted nodes that are BLOCKED.").Resolve(c => c.Source.Impacted.Count(i => i.Severity == ImpactSeverity.Blocked));
        Field<NonNullGraphType<IntGraphType>>("atRiskCount").Description("Impacted nodes that are AT_RISK.").Resolve(c => c.Source.Impacted.Count(i => i.Severity == ImpactSeverity.AtRisk));
        ExportField.Add(this, r => ([.. r.Gaps, .. r.Impacted.Select(i => i.Node)], r.Impacted.SelectMany(i => i.Path.Edges)));
    }
}

public sealed class KindCountType : ObjectGraphType<KeyValuePair<NodeKind, int>>
{
    public KindCountType()
    {
        Name = "KindCount";
        Field<NonNullGraphType<NodeKindType>>("kind").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Value);
    }
}

public sealed class EdgeTypeCountType : ObjectGraphType<KeyValuePair<EdgeType, int>>
{
    public EdgeTypeCountType()
    {
        Name = "EdgeTypeCount";
        Field<NonNullGraphType<EdgeTypeType>>("type").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Value);
    }
}

public sealed class GraphStatsType : ObjectGraphType<GraphStats>
{
    public GraphStatsType()
    {
        Name = "GraphStats";
        Field<NonNullGraphType<IntGraphType>>("nodeCount").Resolve(c => c.Source.NodeCount);
        Field<NonNullGraphType<IntGraphType>>("edgeCount").Resolve(c => c.Source.EdgeCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("byKind").Resolve(c => c.Source.ByKind.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeTypeCountType>>>>("byEdgeType").Resolve(c => c.Source.ByEdgeType.ToList());
    }
}

public sealed record NodeConnectionEdge(string Cursor, Node Node);

public sealed class PageInfoType : ObjectGraphType<NodePage>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.Offset + c.Source.Nodes.Count < c.Source.TotalCount);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page; null on an empty page.")
            .Resolve(c => c.Source.Nodes.Count == 0 ? null : Cursors.Encode(c.Source.Offset + c.Source.Nodes.Count - 1));
    }
}

public sealed class NodeConnectionEdgeType : ObjectGraphType<NodeConnectionEdge>
{
    public NodeConnectionEdgeType()
    {
        Name = "NodeEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Source.Node);
    }
}

public sealed class NodeConnectionType : ObjectGraphType<NodePage>
{
    public NodeConnectionType()
    {
        Name = "NodeConnection";
        Description = "A page of nodes in id order (Relay connection).";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("All matching nodes, on every page.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeConnectionEdgeType>>>>("edges")
            .Resolve(c => c.Source.Nodes.Select((n, i) => new NodeConnectionEdge(Cursors.Encode(c.Source.Offset + i), n)).ToList());
    }
}

/// <summary>Opaque cursors over the id-ordered node list: base64 of "node:{position}".</summary>
public static class Cursors
{
    private const string Prefix = "node:";

    public static string Encode(int position) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Prefix + position));

    public static int Decode(string cursor)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out var position) && position >= 0)
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }
        throw new RoadmapError(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor this service issued.");
    }
}
