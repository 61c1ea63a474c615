using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL;

internal static class Documents
{
    public static global::GraphQL.DataLoader.IDataLoaderResult<Node?> Load(IResolveFieldContext context, string documentId) =>
        context.RequestServices!.GetRequiredService<RequestLoaders>().Nodes.Load(documentId);
}

public sealed class SourceType : ObjectGraphType<Source>
{
    public SourceType()
    {
        Name = "Source";
        Description = "The clause of a plan that states a fact.";
        Field<NonNullGraphType<DocumentType>>("document").Resolve(c => Documents.Load(c, c.Source.DocumentId));
        Field<NonNullGraphType<StringGraphType>>("section").Description("The clause as the plan numbers it, e.g. 附录6.1 一(一)4.").Resolve(c => c.Source.Section);
        Field<NonNullGraphType<StringGraphType>>("quote").Description("The plan's words, verbatim.").Resolve(c => c.Source.Quote);
        Field<StringGraphType>("context")
            .Description("The sentence of the plan that holds the quote (whitespace and table markup folded away), to read it in context.")
            .Resolve(c => Documents.Load(c, c.Source.DocumentId).Then(d => d?.Text is { } text ? Seeds.QuoteContext.Sentence(text, c.Source.Quote) : null));
    }
}

public sealed class AssessmentType : ObjectGraphType<Assessment>
{
    public AssessmentType()
    {
        Name = "Assessment";
        Description = "One plan's judgement of where China stands on a node.";
        Field<NonNullGraphType<AssessmentStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The judging plan's year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<DocumentType>>("document").Resolve(c => Documents.Load(c, c.Source.Source.DocumentId));
        Field<NonNullGraphType<SourceType>>("source").Resolve(c => c.Source.Source);
    }
}

public sealed class QuantityType : ObjectGraphType<Quantity>
{
    public QuantityType()
    {
        Name = "Quantity";
        Description = "A numeric specification target or program goal, with the clause that sets it.";
        Field<NonNullGraphType<StringGraphType>>("metric").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<ComparatorType>>("comparator").Resolve(c => c.Source.Comparator);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
        Field<FloatGraphType>("maxValue").Description("The upper bound of a BETWEEN target.").Resolve(c => c.Source.MaxValue);
        Field<StringGraphType>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<DocumentType>>("document").Resolve(c => Documents.Load(c, c.Source.Source.DocumentId));
        Field<NonNullGraphType<SourceType>>("source").Resolve(c => c.Source.Source);
    }
}

public sealed class PeriodType : ObjectGraphType<Period>
{
    public PeriodType()
    {
        Name = "Period";
        Field<NonNullGraphType<IntGraphType>>("start").Resolve(c => c.Source.Start);
        Field<IntGraphType>("end").Description("Null when the plan states only a start.").Resolve(c => c.Source.End);
    }
}

public sealed class EdgeGraphType : ObjectGraphType<Edge>
{
    public EdgeGraphType()
    {
        Name = "Edge";
        Description = "A dependency: from the dependent to what it depends on, with the clauses that state it.";
        Field<NonNullGraphType<EdgeTypeType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<NodeInterface>>("from").Resolve(c => Nodes(c).Load(c.Source.From));
        Field<NonNullGraphType<NodeInterface>>("to").Resolve(c => Nodes(c).Load(c.Source.To));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources").Resolve(c => c.Source.Sources);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Goes up with every edit; pass it as expectedVersion to update the edge.").Resolve(c => c.Source.Version);
        Field<StringGraphType>("group").Description("The alternative group: the edges of one node with the same group are alternatives, and the need is met while any one is available. Null for a hard requirement.").Resolve(c => c.Source.Group);
    }

    private static BatchLoader<string, Node> Nodes(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<RequestLoaders>().Nodes;
}
