using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ScenarioChangeGraphType : ObjectGraphType<ScenarioChange>
{
    public ScenarioChangeGraphType()
    {
        Name = "ScenarioChange";
        Description = "A node that fares differently in the alternative scenario than in the base, with the chain that explains it.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node.").Resolve(c => c.Source.Node);
        Field<ImpactSeverityEnum>("before").Description("Its severity in the base scenario; null when not hit. A node of the gap set counts as BLOCKED.").Resolve(c => c.Source.Before);
        Field<ImpactSeverityEnum>("after").Description("Its severity in the alternative; null when not hit.").Resolve(c => c.Source.After);
        Field<NonNullGraphType<PathGraphType>>("path")
            .Description("The chain that explains it: for a node that fares better, the base's chain down to the gap that no longer holds it (just the node, for a resolved gap); for one that fares worse, the alternative's.")
            .Resolve(c => c.Source.Path);
    }
}
