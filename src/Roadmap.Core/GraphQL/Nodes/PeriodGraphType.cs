using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class PeriodGraphType : ObjectGraphType<Period>
{
    public PeriodGraphType()
    {
        Name = "Period";
        Description = "The years a plan or a program runs, as the plan states them.";
        Field<NonNullGraphType<IntGraphType>>("start").Description("The first year.").Resolve(c => c.Source.Start);
        Field<IntGraphType>("end").Description("Null when the plan states only a start.").Resolve(c => c.Source.End);
    }
}
