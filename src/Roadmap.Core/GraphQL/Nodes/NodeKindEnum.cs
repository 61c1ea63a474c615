using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class NodeKindEnum : EnumerationGraphType<NodeKind>
{
    public NodeKindEnum()
    {
        Name = "NodeKind";
        Description = "The five kinds of node: what is developed (technology), what it is built from (component), what it builds (product), what deploys it (program), and the plans that say so (document).";
        this.Describe(NodeKind.Technology, "A frontier, common or key technology (关键技术): what the plans want developed. Ids start with technology:.");
        this.Describe(NodeKind.Component, "A core component (关键部件): a part, material, electronic component or chip, software or reagent that products are built from. Ids start with component:.");
        this.Describe(NodeKind.Product, "A medical device or piece of medical equipment. Ids start with product:.");
        this.Describe(NodeKind.Program, "A deployment program: a special project, industrialisation plan, demonstration program, base, platform, centre or a plan's column of tasks. Ids start with program:.");
        this.Describe(NodeKind.Document, "One of the five plans the graph is drawn from; every source cites one. Ids start with document:.");
    }
}
