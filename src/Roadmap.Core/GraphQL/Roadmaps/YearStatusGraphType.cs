using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class YearStatusGraphType : ObjectGraphType<YearStatus>
{
    public YearStatusGraphType()
    {
        Name = "YearStatus";
        Description = "The judgement in force in one year: the latest a plan of that year or earlier made (the rule of statusIn).";
        Field<NonNullGraphType<IntGraphType>>("year").Description("A year of the roadmap's span.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<AssessmentStatusEnum>>("status").Description("The judgement in force that year.").Resolve(c => c.Source.Assessment.Status);
        Field<NonNullGraphType<AssessmentGraphType>>("assessment").Description("The assessment in force, with the plan and clause that make it.").Resolve(c => c.Source.Assessment);
    }
}
