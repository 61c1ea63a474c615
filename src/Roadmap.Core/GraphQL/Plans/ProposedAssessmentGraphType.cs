using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposedAssessmentGraphType : ObjectGraphType<ProposedAssessment>
{
    public ProposedAssessmentGraphType()
    {
        Name = "ProposedAssessment";
        Description = "A judgement a proposal would record.";
        Field<NonNullGraphType<IdGraphType>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<AssessmentStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<AssessmentBasisEnum>>("basis").Resolve(c => c.Source.Basis);
    }
}
