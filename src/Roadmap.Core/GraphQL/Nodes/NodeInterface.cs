using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class NodeInterface : InterfaceGraphType<Node>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Anything in the roadmap graph. Every node is traceable to the plan clauses in its sources.";
        NodeFields.AddTo(this);
    }
}
