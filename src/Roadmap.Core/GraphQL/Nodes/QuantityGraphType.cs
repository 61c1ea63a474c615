using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class QuantityGraphType : ObjectGraphType<Quantity>
{
    public QuantityGraphType()
    {
        Name = "Quantity";
        Description = "A numeric specification target or program goal, with the clause that sets it.";
        Field<NonNullGraphType<StringGraphType>>("metric")
            .Description("What is measured, in English, e.g. detector rows, magnetic field strength, frontier technologies developed.").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<ComparatorEnum>>("comparator").Description("How value bounds the metric.").Resolve(c => c.Source.Comparator);
        Field<NonNullGraphType<FloatGraphType>>("value")
            .Description("The number the plan sets, in unit: the bound, the lower end of a BETWEEN, the tolerance of a WITHIN.").Resolve(c => c.Source.Value);
        Field<FloatGraphType>("maxValue").Description("The upper bound of a BETWEEN target.").Resolve(c => c.Source.MaxValue);
        Field<StringGraphType>("unit").Description("The unit of value and maxValue as the plan writes it, e.g. 排, T, %, 项; null when the plan gives none.").Resolve(c => c.Source.Unit);
        Field<StringGraphType>("unitEn").Description("The unit in English, e.g. rows, T, %, technologies.").Resolve(c => c.Source.UnitEn);
        Field<NonNullGraphType<DocumentGraphType>>("document").Description("The plan that sets the target or goal.")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.Source.DocumentId));
        Field<NonNullGraphType<SourceGraphType>>("source").Description("The clause that sets it.").Resolve(c => c.Source.Source);
        Field<IntGraphType>("dueYear")
            .Description("The year it is due: the plan's own (a \"year by which\" quantity, or 到2025年 in its clause), else the end of the stating plan's period (dueYearStated false).")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.Source.DocumentId).Then(d => RoadmapTimeline.DueYear(c.Source, d)?.Year));
        Field<BooleanGraphType>("dueYearStated")
            .Description("True when the plan gives the due year, false when dueYear is the stating plan's period end.")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.Source.DocumentId).Then(d => RoadmapTimeline.DueYear(c.Source, d)?.Stated));
    }
}
