using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class EdgeChangeGraphType : ObjectGraphType<Change<Edge>>
{
    public EdgeChangeGraphType()
    {
        Name = "EdgeChange";
        Description = "What a change does to one edge.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The edge's id (Edge.id, 'from -TYPE-> to').").Resolve(c => (c.Source.After ?? c.Source.Before)!.Key.ToString());
        Field<NonNullGraphType<ChangeKindEnum>>("change").Description("Created, updated or deleted.").Resolve(c => ChangeKinds.Of(c.Source));
        Field<IntGraphType>("version").Description("Its version after the change; null when deleted.").Resolve(c => c.Source.After?.Version);
    }
}
