using GraphQL.Types;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class PlanFormatEnum : EnumerationGraphType<PlanFormat>
{
    public PlanFormatEnum()
    {
        Name = "PlanFormat";
        Description = "The file format a plan is added in; its text is read out of it and kept verbatim.";
        this.Describe(PlanFormat.Text, "Plain UTF-8 text.");
        this.Describe(PlanFormat.Markdown, "Markdown, kept as written; quotes are checked without its emphasis marks.");
        this.Describe(PlanFormat.Html, "A web page as a browser saves it: the body's text, a line per block, without scripts and styles.");
        this.Describe(PlanFormat.Docx, "A Word document: its paragraphs, and each table row as a line.");
        this.Describe(PlanFormat.Pdf, "A PDF with a text layer; a scanned PDF has none and is refused with NO_PLAN_TEXT.");
    }
}
