using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>One change of a set as planned: its place, its edit, and the revision it committed at (null unless committed).</summary>
public sealed record ChangeOutcome(int Index, GraphEdit Edit, long? Revision);

public sealed class ChangeOutcomeGraphType : ObjectGraphType<ChangeOutcome>
{
    public ChangeOutcomeGraphType()
    {
        Name = "ChangeOutcome";
        Description = "What one change of a set does: the nodes and edges it creates, updates or deletes.";
        Field<NonNullGraphType<IntGraphType>>("index").Description("The change's place in the set, from 0.").Resolve(c => c.Source.Index);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The mutation it stands for, as the audit log names it.").Resolve(c => c.Source.Edit.Operation);
        Field<IntGraphType>("revision").Description("The sequence of its last audit entry once committed; null in a dry run.").Resolve(c => c.Source.Revision is { } r ? checked((int)r) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeChangeGraphType>>>>("nodes").Description("The nodes it changes.").Resolve(c => c.Source.Edit.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeChangeGraphType>>>>("edges").Description("The edges it changes (a cascading delete lists each edge it takes).").Resolve(c => c.Source.Edit.Edges);
    }
}
