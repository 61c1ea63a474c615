using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Plans;
using Roadmap.Core.Storage;
using Spectre.Console;

namespace Roadmap.Cli.Commands;

/// <summary>
/// <c>roadmap plan add FILE</c>: a new plan into the embedded store's file, read from text, Markdown, a saved web
/// page, a Word document or a PDF, through the same intake and edit as the API's addDocument, audited under the
/// actor <c>cli</c>. A running server reads the file at its next start; with a server running, use addDocument.
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The plan: .txt, .md, .html, .docx or .pdf." };
        var title = new Option<string>("--title") { Description = "The title as the plan writes it.", Required = true };
        var year = new Option<int>("--year") { Description = "The year the plan speaks from; it dates the plan's judgements.", Required = true };
        var titleEn = new Option<string?>("--title-en") { Description = "The title in English; the document's id is made from it unless --id is given." };
        var issuer = new Option<string?>("--issuer") { Description = "The lead issuing agency." };
        var period = new Option<string?>("--period") { Description = "The years the plan covers, e.g. 2026-2030." };
        var id = new Option<string?>("--id") { Description = "The document's id, document:<slug>." };
        var format = new Option<PlanFormat?>("--format") { Description = "The file's format when its extension does not say it." };

        var add = new Command("add", "Add a plan's text to the graph: its sentences can be searched and quoted at once.") { file, title, year, titleEn, issuer, period, id, format };
        add.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                var planFormat = parse.GetValue(format) ?? PlanTextExtractor.FormatOf(path.Name)
                    ?? throw new RoadmapException(ErrorCodes.BadValue, $"'{path.Name}' does not say its format by its extension; pass --format.");
                var options = new PlanOptions();
                GlobalOptions.ConfigurationOf(parse).GetSection(PlanOptions.Section).Bind(options);
                var draft = PlanIntake.Read(new PlanFile(await File.ReadAllBytesAsync(path.FullName, ct), planFormat, path.Name, parse.GetValue(id),
                    parse.GetValue(title)!, parse.GetValue(titleEn), parse.GetValue(issuer), parse.GetValue(year), PeriodOf(parse.GetValue(period))), options);
                using var store = new EmbeddedGraphStore(GlobalOptions.StoreOf(parse), GlobalOptions.SeedsOf(parse));
                await store.InitializeAsync(ct);
                var result = await store.EditAsync("cli", graph => EditPlanner.AddDocument(graph, draft), ct);
                var added = result.Edit.Nodes[0].After!;
                AnsiConsole.MarkupLine($"[green]added[/] {Markup.Escape(added.Id)} ({Markup.Escape(added.NameZh)}, {added.Year}): {draft.Text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters, revision {result.Sequence}");
                return 0;
            }
            catch (RoadmapException e)
            {
                AnsiConsole.MarkupLine($"[yellow]{e.Code.Code}[/] {Markup.Escape(e.Message)} Nothing was stored.");
                return 1;
            }
        });
        return new Command("plan", "Add a new plan to the graph.") { add };
    }

    private static Period? PeriodOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var start)
            && (parts.Length == 1 || int.TryParse(parts[1], CultureInfo.InvariantCulture, out _)))
        {
            return new Period(start, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null);
        }
        throw new RoadmapException(ErrorCodes.BadValue, $"--period '{text}' is not START-END, e.g. 2026-2030.");
    }
}
