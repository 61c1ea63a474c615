using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Roadmap.Core.Errors;
using Roadmap.Core.Plans;
using Roadmap.Core.Seeds;

namespace Roadmap.Tests.Core.Plans;

/// <summary>
/// A plan's text out of real files: a web page as a browser saves it, the same page printed to PDF by Chromium (the
/// fixtures beside this file), a Word document written here, and a PDF with no text layer (an image only, as a scan
/// is). Every file that is not a readable plan is refused with a code.
/// </summary>
public class PlanTextExtractorTests
{
    private static string Fixture(string name) => Path.Combine(Repo.Root, "tests", "Roadmap.Tests", "Core", "Plans", "fixtures", name);

    private const string Parts = "重点突破超导磁体、光子计数探测器、大热容量X射线球管等核心部件";

    [Fact]
    public void A_saved_web_page_gives_its_body_a_line_per_block_without_scripts_or_styles()
    {
        var text = PlanTextExtractor.Extract(File.ReadAllBytes(Fixture("action-plan.html")), PlanFormat.Html);

        var lines = text.Split('\n');
        lines.ShouldContain("医疗装备产业高质量发展行动计划（示例）");
        lines.ShouldContain("一、总体要求");
        lines.ShouldContain("磁共振成像系统\t磁场强度≥3T");
        text.ShouldContain(Parts);
        text.ShouldNotContain("analytics");
        text.ShouldNotContain("不应出现在正文中");
        text.ShouldNotContain("font-family");
    }

    [Fact]
    public void A_pdf_printed_by_a_browser_gives_text_the_quote_check_finds_the_task_in()
    {
        var text = PlanTextExtractor.Extract(File.ReadAllBytes(Fixture("action-plan.pdf")), PlanFormat.Pdf);

        QuoteFolding.Fold(text).ShouldContain(QuoteFolding.Fold(Parts));
        QuoteFolding.Fold(text).ShouldContain(QuoteFolding.Fold("高端医疗装备国产化率达到70%以上"));
    }

    [Fact]
    public void A_word_document_gives_its_paragraphs_and_a_line_per_table_row()
    {
        var text = PlanTextExtractor.Extract(Docx(["二、重点任务", Parts + "。"], [["产品", "主要指标"], ["磁共振成像系统", "磁场强度≥3T"]]), PlanFormat.Docx);

        text.Split('\n').ShouldBe(["二、重点任务", Parts + "。", "产品\t主要指标", "磁共振成像系统\t磁场强度≥3T"]);
    }

    [Fact]
    public void A_scanned_pdf_is_refused_as_having_no_text()
    {
        Code(() => PlanTextExtractor.Extract(File.ReadAllBytes(Fixture("scanned.pdf")), PlanFormat.Pdf)).ShouldBe("NO_PLAN_TEXT");
    }

    [Theory]
    [InlineData("", PlanFormat.Text, "NO_PLAN_TEXT")]
    [InlineData("  \n\n ", PlanFormat.Markdown, "NO_PLAN_TEXT")]
    [InlineData("<html><body><script>计划</script></body></html>", PlanFormat.Html, "NO_PLAN_TEXT")]
    [InlineData("Action plan for medical equipment, 2026.", PlanFormat.Text, "NO_CHINESE_TEXT")]
    [InlineData("not a word file", PlanFormat.Docx, "UNREADABLE_PLAN")]
    [InlineData("%PDF-1.4 broken", PlanFormat.Pdf, "UNREADABLE_PLAN")]
    public void A_file_that_is_not_a_readable_plan_is_refused_with_a_code(string content, PlanFormat format, string code)
    {
        Code(() => PlanTextExtractor.Extract(Encoding.UTF8.GetBytes(content), format)).ShouldBe(code);
    }

    [Fact]
    public void A_text_file_not_in_utf8_is_refused_rather_than_stored_as_replacement_characters()
    {
        // 医疗 in GB2312: two bytes a character, not valid UTF-8.
        Code(() => PlanTextExtractor.Extract([0xD2, 0xBD, 0xC1, 0xC6], PlanFormat.Text)).ShouldBe("UNREADABLE_PLAN");
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var file = new PlanFile(new byte[2048], PlanFormat.Pdf, "big.pdf", null, "计划", null, null, 2026, null);

        Code(() => PlanIntake.Read(file, new PlanOptions { MaxFileBytes = 1024 })).ShouldBe("PLAN_TOO_LARGE");
    }

    [Fact]
    public void A_plan_without_an_id_is_named_by_its_english_title_or_else_by_its_year_and_text()
    {
        PlanIntake.IdFor("15th Five-Year Plan for Medical Equipment (2026–2030)", 2026, "计划").ShouldBe("document:15th-five-year-plan-for-medical-equipment-2026-2030");
        var byText = PlanIntake.IdFor(null, 2026, "医疗装备 行动计划");
        byText.ShouldStartWith("document:plan-2026-");
        PlanIntake.IdFor("", 2026, "医疗装备行动计划").ShouldBe(byText, "the same text, folded, the same id");
    }

    private static string? Code(Action action) => Should.Throw<RoadmapException>(action).Code.Code;

    private static byte[] Docx(string[] paragraphs, string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var paragraph in paragraphs) body.Append(new Paragraph(new Run(new Text(paragraph))));
            var table = new Table();
            foreach (var row in rows) table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))));
            body.Append(table);
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }
}
