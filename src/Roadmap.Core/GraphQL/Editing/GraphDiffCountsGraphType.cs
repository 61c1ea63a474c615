using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class GraphDiffCountsGraphType : ObjectGraphType<GraphDiff>
{
    public GraphDiffCountsGraphType()
    {
        Name = "GraphDiffCounts";
        Description = "How many nodes and edges a graphDiff window added, updated and deleted, each counted once.";
        Count("nodesAdded", "Nodes created in the window and still there at its end.", d => d.Nodes, ChangeKind.Created);
        Count("nodesUpdated", "Nodes there before and after, changed in between.", d => d.Nodes, ChangeKind.Updated);
        Count("nodesDeleted", "Nodes there before the window and gone at its end.", d => d.Nodes, ChangeKind.Deleted);
        Count("edgesAdded", "Edges created in the window and still there at its end.", d => d.Edges, ChangeKind.Created);
        Count("edgesUpdated", "Edges there before and after, changed in between.", d => d.Edges, ChangeKind.Updated);
        Count("edgesDeleted", "Edges there before the window and gone at its end.", d => d.Edges, ChangeKind.Deleted);
    }

    private void Count(string name, string description, Func<GraphDiff, IReadOnlyList<DiffEntry>> list, ChangeKind kind) =>
        Field<NonNullGraphType<IntGraphType>>(name).Description(description).Resolve(c => list(c.Source).Count(e => e.Change == kind));
}
