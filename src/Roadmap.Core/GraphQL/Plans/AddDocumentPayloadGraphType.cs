using GraphQL.Types;
using Roadmap.Core.GraphQL.Editing;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class AddDocumentPayloadGraphType : ObjectGraphType<EditResult>
{
    public AddDocumentPayloadGraphType()
    {
        Name = "AddDocumentPayload";
        Description = "What addDocument committed.";
        Field<NonNullGraphType<DocumentGraphType>>("document").Description("The plan as added, with its text; its sentences are in searchSources at once.").Resolve(c => c.Source.Edit.Nodes[0].After);
        PayloadFields.AddRevision(this);
    }
}
