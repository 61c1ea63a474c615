using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

/// <summary>Base of the five object types: the common fields, the interface, and type resolution by kind.</summary>
public abstract class NodeObjectGraphType : ObjectGraphType<Node>
{
    protected NodeObjectGraphType(NodeKind kind, string description)
    {
        Name = kind.ToString();
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = o => o is Node n && n.Kind == kind;
        NodeFields.AddTo(this);
    }
}
