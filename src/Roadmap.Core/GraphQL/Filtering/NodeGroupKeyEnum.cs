using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class NodeGroupKeyEnum : EnumerationGraphType<NodeGroupKey>
{
    public NodeGroupKeyEnum()
    {
        Name = "NodeGroupKey";
        Description = "What nodeCounts groups by.";
        EnumValueDescriptions.Describe(this, NodeGroupKey.Kind, "The node's kind.");
        EnumValueDescriptions.Describe(this, NodeGroupKey.Field, "The field of a technology or product (null for the other kinds).");
        EnumValueDescriptions.Describe(this, NodeGroupKey.Status, "The judgement in force now (null when no plan judges the node).");
        EnumValueDescriptions.Describe(this, NodeGroupKey.Document, "Each plan that states something about the node: a node counts once for each.");
        EnumValueDescriptions.Describe(this, NodeGroupKey.ComponentType, "A component's type.");
        EnumValueDescriptions.Describe(this, NodeGroupKey.ProgramType, "A program's type.");
        EnumValueDescriptions.Describe(this, NodeGroupKey.Year, "The year of each plan that states something about the node: a node counts once for each year.");
    }
}
