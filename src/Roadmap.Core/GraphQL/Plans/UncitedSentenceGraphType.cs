using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class UncitedSentenceGraphType : ObjectGraphType<UncitedSentence>
{
    public UncitedSentenceGraphType()
    {
        Name = "UncitedSentence";
        Description = "A sentence of a plan that no fact cites.";
        Field<NonNullGraphType<IntGraphType>>("position").Description("Where it starts in the plan's folded text (searchSources' position).").Resolve(c => c.Source.Position);
        Field<NonNullGraphType<StringGraphType>>("sentence").Description("The sentence, folded as quotes are.").Resolve(c => c.Source.Sentence);
    }
}
