using GraphQL;
using GraphQL.Types;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposalSetGraphType : ObjectGraphType<ProposalSet>
{
    public ProposalSetGraphType()
    {
        Name = "ProposalSet";
        Description = "What one plan's text proposes against the graph as it stands: every proposal with its verified quote.";
        Field<NonNullGraphType<DocumentGraphType>>("document").Description("The plan read.").Resolve(c => c.Source.Document);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many proposals there are, of the kinds asked for.")
            .Argument<ListGraphType<NonNullGraphType<ProposalKindEnum>>>("kinds", "Only these kinds; all when omitted.")
            .Resolve(c => Of(c).Count());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposalGraphType>>>>("proposals")
            .Description("The proposals in the plan's reading order, of the kinds asked for.")
            .Argument<ListGraphType<NonNullGraphType<ProposalKindEnum>>>("kinds", "Only these kinds; all when omitted.")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 50; a.Description = $"0 to {ArgumentLimits.MaxPageSize}."; })
            .Resolve(c => Of(c).Take(ArgumentLimits.InRange(c, "first", 0, ArgumentLimits.MaxPageSize)).ToList());
    }

    private static IEnumerable<Proposal> Of(IResolveFieldContext<ProposalSet> c)
    {
        var kinds = c.GetArgument<List<ProposalKind>?>("kinds");
        return kinds is null ? c.Source.Proposals : c.Source.Proposals.Where(p => kinds.Contains(p.Kind));
    }
}
