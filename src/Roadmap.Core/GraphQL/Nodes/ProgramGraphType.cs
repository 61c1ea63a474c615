using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class ProgramGraphType : NodeObjectGraphType
{
    public ProgramGraphType() : base(NodeKind.Program, "A deployment program: special project, industrialisation plan, demonstration program, base, platform or centre.")
    {
        Field<NonNullGraphType<ProgramTypeEnum>>("programType")
            .Description("What sort of program: a special project, industrialisation plan, demonstration, base, platform, centre or action plan.")
            .Resolve(c => c.Source.ProgramType);
        Field<PeriodGraphType>("period").Description("Start and end year, when stated.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("leadAgencies")
            .Description("The agencies the plan puts in charge, as it writes them (e.g. 科技部, 工业和信息化部); empty when it names none.")
            .Resolve(c => c.Source.LeadAgencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuantityGraphType>>>>("goals")
            .Description("Quantitative goals the plan states for the program.").Resolve(c => c.Source.Goals);
    }
}
