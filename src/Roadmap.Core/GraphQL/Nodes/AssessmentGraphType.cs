using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class AssessmentGraphType : ObjectGraphType<Assessment>
{
    public AssessmentGraphType()
    {
        Name = "Assessment";
        Description = "One plan's judgement of where China stands on a node.";
        Field<NonNullGraphType<AssessmentStatusEnum>>("status").Description("The judgement, from DOMESTIC_GAP (worst) to ADVANCED (best).").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The judging plan's year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<DocumentGraphType>>("document").Description("The plan that makes the judgement.")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.Source.DocumentId));
        Field<NonNullGraphType<SourceGraphType>>("source").Description("The clause that makes the judgement.").Resolve(c => c.Source.Source);
    }
}
