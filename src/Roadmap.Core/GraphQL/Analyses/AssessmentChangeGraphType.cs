using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class AssessmentChangeGraphType : ObjectGraphType<AssessmentChange>
{
    public AssessmentChangeGraphType()
    {
        Name = "AssessmentChange";
        Description = "A node both plans judge, differently.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<AssessmentGraphType>>("inA").Description("Plan a's judgement.").Resolve(c => c.Source.InA);
        Field<NonNullGraphType<AssessmentGraphType>>("inB").Description("Plan b's judgement.").Resolve(c => c.Source.InB);
        Field<NonNullGraphType<ChangeDirectionEnum>>("direction").Description("IMPROVED when plan b judges it better than plan a, else WORSENED.").Resolve(c => c.Source.Direction);
    }
}
