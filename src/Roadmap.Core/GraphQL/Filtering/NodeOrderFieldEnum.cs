using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class NodeOrderFieldEnum : EnumerationGraphType<NodeOrderField>
{
    public NodeOrderFieldEnum()
    {
        Name = "NodeOrderField";
        Description = "What a node list can be ordered by.";
        EnumValueDescriptions.Describe(this, NodeOrderField.Id, "The id, in ordinal order.");
        EnumValueDescriptions.Describe(this, NodeOrderField.NameZh, "The Chinese name, in code-point order.");
        EnumValueDescriptions.Describe(this, NodeOrderField.NameEn, "The English name, in ordinal order.");
        EnumValueDescriptions.Describe(this, NodeOrderField.LatestStatusYear, "The year of the latest assessment; nodes no plan judges come last.");
        EnumValueDescriptions.Describe(this, NodeOrderField.DependentProducts, "Products that need the node, directly or not (as bottlenecks counts them).");
        EnumValueDescriptions.Describe(this, NodeOrderField.DependentPrograms, "Programs that need the node, directly or not.");
        EnumValueDescriptions.Describe(this, NodeOrderField.BlockedProducts, "Products a gap in this node alone would block.");
    }
}
