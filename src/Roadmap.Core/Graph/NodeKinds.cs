namespace Roadmap.Core.Graph;

/// <summary>What each kind of node is called in ids, and which kinds each edge type may join.</summary>
public static class NodeKinds
{
    public static string Prefix(NodeKind kind) => kind switch
    {
        NodeKind.Technology => "technology:",
        NodeKind.Component => "component:",
        NodeKind.Product => "product:",
        NodeKind.Program => "program:",
        NodeKind.Document => "document:",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Which kinds an edge of a type may join, as the seeds README documents.</summary>
    public static bool Allows(EdgeType type, NodeKind from, NodeKind to) => type switch
    {
        EdgeType.Requires => from is NodeKind.Product or NodeKind.Component && to is NodeKind.Component or NodeKind.Product,
        EdgeType.UsesTechnology => from is NodeKind.Product or NodeKind.Component or NodeKind.Technology && to == NodeKind.Technology,
        EdgeType.VariantOf => from == to && from is NodeKind.Product or NodeKind.Component or NodeKind.Technology,
        EdgeType.Targets => from == NodeKind.Program && to is NodeKind.Technology or NodeKind.Component or NodeKind.Product,
        EdgeType.Includes => from == NodeKind.Program && to == NodeKind.Program,
        _ => false,
    };
}
