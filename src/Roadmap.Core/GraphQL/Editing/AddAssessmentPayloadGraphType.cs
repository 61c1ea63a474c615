using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class AddAssessmentPayloadGraphType : ObjectGraphType<EditResult>
{
    public AddAssessmentPayloadGraphType()
    {
        Name = "AddAssessmentPayload";
        Description = "What addAssessment committed.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node judged, at its new version, with the assessment.").Resolve(c => c.Source.Edit.Nodes[0].After);
        PayloadFields.AddRevision(this);
    }
}
