using GraphQL.Types;
using Roadmap.Core.Editing;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class ChangeKindEnum : EnumerationGraphType<ChangeKind>
{
    public ChangeKindEnum()
    {
        Name = "ChangeKind";
        Description = "What a change did to a node or an edge.";
        this.Describe(ChangeKind.Created, "It did not exist before.");
        this.Describe(ChangeKind.Updated, "It existed before and after, at a new version.");
        this.Describe(ChangeKind.Deleted, "It does not exist after.");
    }
}
