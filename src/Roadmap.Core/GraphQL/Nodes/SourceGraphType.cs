using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class SourceGraphType : ObjectGraphType<Source>
{
    public SourceGraphType()
    {
        Name = "Source";
        Description = "The clause of a plan that states a fact.";
        Field<NonNullGraphType<DocumentGraphType>>("document").Description("The plan the clause is in.")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.DocumentId));
        Field<NonNullGraphType<StringGraphType>>("section").Description("The clause as the plan numbers it, e.g. 附录6.1 一(一)4.").Resolve(c => c.Source.Section);
        Field<NonNullGraphType<StringGraphType>>("quote").Description("The plan's words, verbatim.").Resolve(c => c.Source.Quote);
        Field<StringGraphType>("context")
            .Description("The sentence of the plan that holds the quote (whitespace and table markup folded away), to read it in context.")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.DocumentId).Then(d => d?.Text is { } text ? Seeds.QuoteContext.Sentence(text, c.Source.Quote) : null));
    }
}
