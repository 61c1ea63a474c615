using GraphQL.Types;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Editing;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

/// <summary>addDocument's input: the plan's text or file, and what the graph records of it.</summary>
public sealed class AddDocumentInput
{
    public string? Id { get; set; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string? Issuer { get; set; }
    public int Year { get; set; }
    public PeriodInput? Period { get; set; }
    public string? Text { get; set; }
    public string? File { get; set; }
    public string? FileName { get; set; }
    public PlanFormat? Format { get; set; }

    /// <summary>The file as <see cref="PlanIntake"/> takes it: the text's UTF-8 bytes, or the file's decoded from base64.</summary>
    public PlanFile ToPlanFile()
    {
        if ((Text is null) == (File is null)) throw new RoadmapException(ErrorCodes.BadValue, "Give the plan as 'text' or as 'file' (base64), not both and not neither.");
        byte[] bytes;
        try
        {
            bytes = Text is not null ? System.Text.Encoding.UTF8.GetBytes(Text) : Convert.FromBase64String(File!);
        }
        catch (FormatException)
        {
            throw new RoadmapException(ErrorCodes.BadValue, "'file' is not base64.");
        }
        var format = Format ?? (FileName is not null ? PlanTextExtractor.FormatOf(FileName) : null) ?? (Text is not null ? PlanFormat.Text : (PlanFormat?)null)
            ?? throw new RoadmapException(ErrorCodes.BadValue, "Say the file's 'format', or give a 'fileName' whose extension names it (.txt, .md, .html, .docx, .pdf).");
        var period = Period is null ? null : new Period(Period.Start, Period.End);
        return new PlanFile(bytes, format, FileName, Id, Title, TitleEn, Issuer, Year, period);
    }
}

public sealed class AddDocumentInputGraphType : InputObjectGraphType<AddDocumentInput>
{
    public AddDocumentInputGraphType()
    {
        Name = "AddDocumentInput";
        Description = "A new plan: its text (or its file, base64) and what the graph records of it. The text is kept as the file gives it; every quote from the plan is checked against it.";
        Field<IdGraphType>("id").Description("The document's id, 'document:' and a slug; omitted, it is made from titleEn (or from the year and the text's hash).");
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title as the plan writes it.");
        Field<StringGraphType>("titleEn").Description("The title in English (seeds/README.md, Names in English); the title when omitted.");
        Field<StringGraphType>("issuer").Description("The lead issuing agency.");
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year the plan speaks from: it dates the plan's judgements.");
        Field<PeriodInputGraphType>("period").Description("The years the plan covers, e.g. 2026 to 2030.");
        Field<StringGraphType>("text").Description("The plan's text (TEXT, MARKDOWN or HTML); or give 'file'.");
        Field<StringGraphType>("file").Description("The plan's file, base64: within GraphQL:MaxRequestBytes with the rest of the request (larger files: roadmap plan add).");
        Field<StringGraphType>("fileName").Description("The file's name; its extension gives the format when 'format' is omitted.");
        Field<PlanFormatEnum>("format").Description("The file's format; TEXT for 'text' when omitted.");
    }
}
