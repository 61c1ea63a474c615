using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class DiffEntryGraphType : ObjectGraphType<DiffEntry>
{
    public DiffEntryGraphType()
    {
        Name = "DiffEntry";
        Description = "The net change to one node or edge over a graphDiff window.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node's id, or the edge's (Edge.id, 'from -TYPE-> to').").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ChangeKindEnum>>("change")
            .Description("CREATED: absent before the window; DELETED: absent after it; UPDATED: present before and after, changed in between.").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<IntGraphType>>("edits").Description("How many audit entries in the window touched it.").Resolve(c => c.Source.Edits);
        Field<NonNullGraphType<IntGraphType>>("lastRevision").Description("The sequence of the last of them.").Resolve(c => checked((int)c.Source.LastRevision));
        Field<NonNullGraphType<DateTimeGraphType>>("lastChangedAt").Description("When the last of them was committed, in UTC.").Resolve(c => c.Source.LastChangedAt.UtcDateTime);
    }
}
