using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class AddAssessmentInput : IChangeInput
{
    public string Id { get; set; } = "";
    public AssessmentStatus Status { get; set; }
    public SourceInput Source { get; set; } = new();
    public int? ExpectedVersion { get; set; }

    public string Role => Roles.Editor;

    public GraphEdit Plan(GraphIndex graph) => EditPlanner.AddAssessment(graph, Id, Status, Source.ToSource(), ExpectedVersion);
}

public sealed class AddAssessmentInputGraphType : InputObjectGraphType<AddAssessmentInput>
{
    public AddAssessmentInputGraphType()
    {
        Name = "AddAssessmentInput";
        Description = "A plan's judgement of a node; its year is the cited plan's.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node judged; not a document.");
        Field<NonNullGraphType<AssessmentStatusEnum>>("status").Description("The plan's judgement.");
        Field<NonNullGraphType<SourceInputGraphType>>("source").Description("The clause that makes the judgement; DUPLICATE_SOURCE when the node has this status from this clause already.");
        Field<IntGraphType>("expectedVersion").Description("The node's version as you read it; CONFLICT when it has changed since. Omitted, the assessment is added whatever the version.");
    }
}
