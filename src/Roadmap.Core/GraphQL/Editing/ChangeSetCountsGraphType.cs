using GraphQL.Types;
using Roadmap.Core.Editing;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class ChangeSetCountsGraphType : ObjectGraphType<ChangeSetPlan>
{
    public ChangeSetCountsGraphType()
    {
        Name = "ChangeSetCounts";
        Description = "How many nodes and edges the set's changes create, update and delete, summed over the changes.";
        Count("nodesCreated", "Nodes created.", p => p.Edits.Sum(e => e.Edit.Nodes.Count(n => ChangeKinds.Of(n) == ChangeKind.Created)));
        Count("nodesUpdated", "Node updates.", p => p.Edits.Sum(e => e.Edit.Nodes.Count(n => ChangeKinds.Of(n) == ChangeKind.Updated)));
        Count("nodesDeleted", "Nodes deleted.", p => p.Edits.Sum(e => e.Edit.Nodes.Count(n => ChangeKinds.Of(n) == ChangeKind.Deleted)));
        Count("edgesCreated", "Edges created.", p => p.Edits.Sum(e => e.Edit.Edges.Count(n => ChangeKinds.Of(n) == ChangeKind.Created)));
        Count("edgesUpdated", "Edge updates.", p => p.Edits.Sum(e => e.Edit.Edges.Count(n => ChangeKinds.Of(n) == ChangeKind.Updated)));
        Count("edgesDeleted", "Edges deleted, those a cascading delete takes included.", p => p.Edits.Sum(e => e.Edit.Edges.Count(n => ChangeKinds.Of(n) == ChangeKind.Deleted)));
    }

    private void Count(string name, string description, Func<ChangeSetPlan, int> count) =>
        Field<NonNullGraphType<IntGraphType>>(name).Description(description).Resolve(c => count(c.Source));
}
