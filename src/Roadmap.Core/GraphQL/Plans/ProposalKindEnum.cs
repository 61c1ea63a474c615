using GraphQL.Types;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposalKindEnum : EnumerationGraphType<ProposalKind>
{
    public ProposalKindEnum()
    {
        Name = "ProposalKind";
        Description = "What a proposal would add to the graph.";
        this.Describe(ProposalKind.Node, "A new node: an item of one of the plan's enumerations that no node names yet.");
        this.Describe(ProposalKind.Edge, "An edge the plan's structure states: a product's key technologies and parts, a class's items, a program's targets.");
        this.Describe(ProposalKind.Assessment, "A judgement the clause words: 依赖进口, 国内空白, 取得突破, 具备一定基础, 国际先进.");
        this.Describe(ProposalKind.Target, "A target or goal: a metric, a value and the plan's unit, with the year it is due.");
        this.Describe(ProposalKind.Source, "A mention of an existing node: the clause becomes a new source of it.");
    }
}
