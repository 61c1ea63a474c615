using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Traversal;

public sealed class EdgeGraphType : ObjectGraphType<Edge>
{
    public EdgeGraphType()
    {
        Name = "Edge";
        Description = "A dependency: from the dependent to what it depends on, with the clauses that state it.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable, made of its ends and type ('from -TYPE-> to', as the audit log names it): what a client cache keys the edge by; edge(id) finds it again.")
            .Resolve(c => c.Source.Key.ToString());
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("How from relates to to.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<NodeInterface>>("from").Description("The dependent: the product, component or technology that needs to, or the program that targets or includes it.")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.From));
        Field<NonNullGraphType<NodeInterface>>("to").Description("What from depends on.").Resolve(c => c.Loaders().Nodes.Load(c.Source.To));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources")
            .Description("The clauses that state this edge; an edge that several plans state cites each of them.").Resolve(c => c.Source.Sources);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Goes up with every edit; pass it as expectedVersion to update the edge.").Resolve(c => c.Source.Version);
        Field<StringGraphType>("group").Description("The alternative group: the edges of one node with the same group are alternatives, and the need is met while any one is available. Null for a hard requirement.").Resolve(c => c.Source.Group);
        Field<NonNullGraphType<NeedReachEnum>>("reach")
            .Description("For a need of a class: EVERY_MEMBER when the plan states it for every member (each variant inherits it), CLASS when it states it for the class as a whole (no member inherits it). EVERY_MEMBER on every other edge.")
            .Resolve(c => c.Source.Reach);
    }
}
