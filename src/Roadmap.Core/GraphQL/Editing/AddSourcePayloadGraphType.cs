using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class AddSourcePayloadGraphType : ObjectGraphType<EditResult>
{
    public AddSourcePayloadGraphType()
    {
        Name = "AddSourcePayload";
        Description = "What addSource committed: node or edge, whichever the input named.";
        Field<NodeInterface>("node").Description("The node, at its new version, when the input named a node.").Resolve(c => c.Source.Edit.Nodes is [var node, ..] ? node.After : null);
        Field<EdgeGraphType>("edge").Description("The edge, at its new version, when the input named an edge.").Resolve(c => c.Source.Edit.Edges is [var edge, ..] ? edge.After : null);
        PayloadFields.AddRevision(this);
    }
}
