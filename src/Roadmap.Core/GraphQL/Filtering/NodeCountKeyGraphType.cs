using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class NodeCountKeyGraphType : ObjectGraphType<NodeCountKey>
{
    public NodeCountKeyGraphType()
    {
        Name = "NodeCountKey";
        Description = "The values that define a group of nodeCounts; those not grouped by are null, as are values a node does not have.";
        Field<NodeKindEnum>("kind").Description("The kind, when grouped by KIND.").Resolve(c => c.Source.Kind);
        Field<FieldEnum>("field").Description("The field, when grouped by FIELD.").Resolve(c => c.Source.Field);
        Field<AssessmentStatusEnum>("status").Description("The judgement in force now, when grouped by STATUS.").Resolve(c => c.Source.Status);
        Field<IdGraphType>("document").Description("The stating plan's id, when grouped by DOCUMENT.").Resolve(c => c.Source.Document);
        Field<ComponentTypeEnum>("componentType").Description("The component type, when grouped by COMPONENT_TYPE.").Resolve(c => c.Source.ComponentType);
        Field<ProgramTypeEnum>("programType").Description("The program type, when grouped by PROGRAM_TYPE.").Resolve(c => c.Source.ProgramType);
        Field<IntGraphType>("year").Description("The stating plan's year, when grouped by YEAR.").Resolve(c => c.Source.Year);
    }
}
