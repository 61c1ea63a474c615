using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class DocumentCoverageGraphType : ObjectGraphType<DocumentCoverage>
{
    public DocumentCoverageGraphType()
    {
        Name = "DocumentCoverage";
        Description = "How much of a plan the graph cites: a sentence is cited when a source, judgement, target or goal quotes part of it.";
        Field<NonNullGraphType<IntGraphType>>("sentenceCount").Description("The plan's sentences with Chinese in them.").Resolve(c => c.Source.SentenceCount);
        Field<NonNullGraphType<IntGraphType>>("citedCount").Description("How many of them some fact cites.").Resolve(c => c.Source.CitedCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UncitedSentenceGraphType>>>>("uncited")
            .Description("The sentences no fact cites yet, in reading order: what a curator of a new plan has left to read.")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 20; a.Description = $"0 to {ArgumentLimits.MaxPageSize}."; })
            .Resolve(c => c.Source.Uncited.Take(ArgumentLimits.InRange(c, "first", 0, ArgumentLimits.MaxPageSize)).ToList());
    }
}
