using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class GraphDiffGraphType : ObjectGraphType<GraphDiff>
{
    public GraphDiffGraphType()
    {
        Name = "GraphDiff";
        Description = "What the edits committed in a window changed, from the audit log: each node and edge once, with its net change.";
        Field<NonNullGraphType<DateTimeGraphType>>("since").Description("The window's start (inclusive), in UTC.").Resolve(c => c.Source.Since.UtcDateTime);
        Field<DateTimeGraphType>("until").Description("The window's end (exclusive), in UTC; null for now.").Resolve(c => c.Source.Until?.UtcDateTime);
        Field<NonNullGraphType<IntGraphType>>("entries").Description("The audit entries in the window.").Resolve(c => c.Source.Entries);
        Field<NonNullGraphType<IntGraphType>>("fromRevision").Description("The sequence of the window's first entry; 0 when it has none.").Resolve(c => checked((int)c.Source.FromRevision));
        Field<NonNullGraphType<IntGraphType>>("toRevision").Description("The sequence of the window's last entry; 0 when it has none.").Resolve(c => checked((int)c.Source.ToRevision));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiffEntryGraphType>>>>("nodes")
            .Description("The nodes changed, in id order. Not a connection: the diff is folded whole from the window's entries; narrow the window for a shorter list.")
            .Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiffEntryGraphType>>>>("edges")
            .Description("The edges changed, in id order. Not a connection, as nodes.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<GraphDiffCountsGraphType>>("counts").Description("How many were added, updated and deleted.").Resolve(c => c.Source);
    }
}
