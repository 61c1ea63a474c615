using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class SourceInput
{
    public string Document { get; set; } = "";
    public string Section { get; set; } = "";
    public string Quote { get; set; } = "";

    public Source ToSource() => new(Document, Section, Quote);
}

public sealed class SourceInputGraphType : InputObjectGraphType<SourceInput>
{
    public SourceInputGraphType()
    {
        Name = "SourceInput";
        Description = "The clause of a plan that states a fact. The quote must occur in the document's text (whitespace and full-width forms folded).";
        Field<NonNullGraphType<IdGraphType>>("document").Description("A document id, such as document:14fyp-medical-equipment.");
        Field<NonNullGraphType<StringGraphType>>("section").Description("The clause as the plan numbers it.");
        Field<NonNullGraphType<StringGraphType>>("quote").Description("The plan's words, verbatim.");
    }
}
