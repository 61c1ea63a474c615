using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposedAssessmentGraphType : ObjectGraphType<ProposedAssessment>
{
    public ProposedAssessmentGraphType()
    {
        Name = "ProposedAssessment";
        Description = "A judgement a proposal would record.";
        Field<NonNullGraphType<IdGraphType>>("node").Description("The node judged: an existing node's id or a node proposed in the same set.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<AssessmentStatusEnum>>("status").Description("The status the clause words.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<AssessmentBasisEnum>>("basis").Description("STATED: proposals are made only from status words.").Resolve(c => c.Source.Basis);
    }
}
