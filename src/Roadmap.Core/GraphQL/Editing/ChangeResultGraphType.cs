using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class ChangeResultGraphType : ObjectGraphType<EditResult>
{
    public ChangeResultGraphType()
    {
        Name = "ChangeResult";
        Description = "What a mutation changed, as committed.";
        Field<NonNullGraphType<IntGraphType>>("auditSequence").Description("The sequence number of the change's last audit entry.").Resolve(c => checked((int)c.Source.Sequence));
        Field<NodeInterface>("node").Description("The node as it is now, when the mutation changed one and it still exists.")
            .Resolve(c => c.Source.Edit.Nodes.Select(n => n.After).FirstOrDefault(n => n is not null));
        Field<EdgeGraphType>("edge").Description("The edge as it is now, when the mutation changed one and it still exists.")
            .Resolve(c => c.Source.Edit.Edges.Select(e => e.After).FirstOrDefault(e => e is not null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("deletedNodes")
            .Description("The ids of the nodes the mutation deleted; empty unless it was deleteNode.")
            .Resolve(c => c.Source.Edit.Nodes.Where(n => n.After is null).Select(n => n.Before!.Id).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeKeyGraphType>>>>("deletedEdges")
            .Description("The edges the mutation deleted: the one deleteEdge names, or every edge a cascading deleteNode took with it.")
            .Resolve(c => c.Source.Edit.Edges.Where(e => e.After is null).Select(e => e.Before!.Key).ToList());
    }
}
