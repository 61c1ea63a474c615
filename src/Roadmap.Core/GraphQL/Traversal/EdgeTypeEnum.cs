using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Traversal;

public sealed class EdgeTypeEnum : EnumerationGraphType<EdgeType>
{
    public EdgeTypeEnum()
    {
        Name = "EdgeType";
        Description = "How the dependent (from) relates to what it depends on (to).";
        this.Describe(EdgeType.Requires,
            "A product or component needs a component (a part, material, chip, software or reagent), or a product used as a module. Can be one of an alternative group.");
        this.Describe(EdgeType.UsesTechnology, "A product, component or technology is built with a technology. Can be one of an alternative group.");
        this.Describe(EdgeType.VariantOf, "A more specific product, component or technology points to its general node of the same kind, and needs what it needs.");
        this.Describe(EdgeType.Targets, "A program develops, funds, industrialises or demonstrates a technology, component or product.");
        this.Describe(EdgeType.Includes, "A program includes a sub-program: a plan's column of tasks, or a platform, base or centre it sets up.");
    }
}
