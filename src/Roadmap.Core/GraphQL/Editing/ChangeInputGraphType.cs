using GraphQL.Types;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>One change of a change set: exactly one single mutation's input, under the mutation's name.</summary>
public sealed class ChangeInput
{
    public UpsertNodeInput? UpsertNode { get; set; }
    public UpsertEdgeInput? UpsertEdge { get; set; }
    public DeleteNodeInput? DeleteNode { get; set; }
    public DeleteEdgeInput? DeleteEdge { get; set; }
    public AddAssessmentInput? AddAssessment { get; set; }
    public AddSourceInput? AddSource { get; set; }

    /// <summary>The mutation this change stands for and its input.</summary>
    public (string Operation, IChangeInput Input) Chosen =>
        UpsertNode is { } a ? ("upsertNode", a)
        : UpsertEdge is { } b ? ("upsertEdge", b)
        : DeleteNode is { } c ? ("deleteNode", c)
        : DeleteEdge is { } d ? ("deleteEdge", d)
        : AddAssessment is { } e ? ("addAssessment", e)
        : AddSource is { } f ? ("addSource", (IChangeInput)f)
        // @oneOf lets exactly one through validation; this is for a caller that builds the input in code.
        : throw new RoadmapException(ErrorCodes.BadValue, "A change names exactly one mutation.");
}

public sealed class ChangeInputGraphType : InputObjectGraphType<ChangeInput>
{
    public ChangeInputGraphType()
    {
        Name = "ChangeInput";
        Description = "One change of a change set (@oneOf): exactly one field, named after the mutation it stands for and holding that mutation's input. It is checked with the mutation's rules, role and codes.";
        IsOneOf = true;
        Field<UpsertNodeInputGraphType>("upsertNode").Description("As the upsertNode mutation.");
        Field<UpsertEdgeInputGraphType>("upsertEdge").Description("As the upsertEdge mutation.");
        Field<DeleteNodeInputGraphType>("deleteNode").Description("As the deleteNode mutation (admins only).");
        Field<DeleteEdgeInputGraphType>("deleteEdge").Description("As the deleteEdge mutation.");
        Field<AddAssessmentInputGraphType>("addAssessment").Description("As the addAssessment mutation.");
        Field<AddSourceInputGraphType>("addSource").Description("As the addSource mutation.");
    }
}
