using GraphQL.Types;
using Roadmap.Core.Security;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class GraphChangeGraphType : ObjectGraphType<GraphChange>
{
    public GraphChangeGraphType()
    {
        Name = "GraphChange";
        Description = "One committed change: one per single mutation, one per change of an applyChanges set.";
        Field<NonNullGraphType<IntGraphType>>("revision")
            .Description("The graph's revision once this change is in (stats.revision); resubscribe with it as afterRevision to resume after it.").Resolve(c => checked((int)c.Source.Revision));
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The mutation, such as upsertNode.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When it was committed, in UTC.").Resolve(c => c.Source.At.UtcDateTime);
        Field<StringGraphType>("actor")
            .Description("The name of the key that made the change, for a subscriber whose key may read the audit log (editor or admin); null for everyone else.")
            .Resolve(c => c.User is { } user && Roles.Grants(user, Roles.Editor) ? c.Source.Actor : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangedItemGraphType>>>>("nodes").Description("The nodes it touched.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangedItemGraphType>>>>("edges").Description("The edges it touched; a cascading delete lists each.").Resolve(c => c.Source.Edges);
    }
}
