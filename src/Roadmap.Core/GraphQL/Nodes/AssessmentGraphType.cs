using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class AssessmentGraphType : ObjectGraphType<Assessment>
{
    public AssessmentGraphType()
    {
        Name = "Assessment";
        Description = "One plan's judgement of where China stands on a node.";
        Field<NonNullGraphType<AssessmentStatusEnum>>("status").Description("The judgement, from DOMESTIC_GAP (worst) to ADVANCED (best).").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The judging plan's year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<DocumentGraphType>>("document").Description("The plan that makes the judgement.")
            .Resolve(c => c.Loaders().Nodes.Load(c.Source.Source.DocumentId));
        Field<NonNullGraphType<SourceGraphType>>("source").Description("The clause that makes the judgement.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<AssessmentBasisEnum>>("basis")
            .Description("STATED when the clause says the status in words, READ when the curation reads it from other wording (see note).").Resolve(c => c.Source.Basis);
        Field<StringGraphType>("note").Description("How a READ judgement was read, or what else a reviewer should know of it; null when there is nothing to say.").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("context")
            .Description("Other clauses of the same plan that judge the node differently as part of a list (001 frames ten classes as 以进口依赖突出, then calls one 已有一定技术积累): this judgement is in force, the context stays visible.")
            .Resolve(c => c.Source.Context);
    }
}
