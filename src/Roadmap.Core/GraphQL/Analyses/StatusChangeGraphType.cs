using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class StatusChangeGraphType : ObjectGraphType<StatusChange>
{
    public StatusChangeGraphType()
    {
        Name = "StatusChange";
        Description = "A node whose judged status differs between two years.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node re-judged.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<AssessmentGraphType>>("from").Description("The judgement in force in fromYear.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<AssessmentGraphType>>("to").Description("The judgement in force in toYear, made after fromYear.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<ChangeDirectionEnum>>("direction").Description("IMPROVED when to is better than from, WORSENED when it is worse.").Resolve(c => c.Source.Direction);
    }
}
