using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Plans;
using Roadmap.Core.Seeds;
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
        return new Command("plan", "Add a new plan to the graph, propose what it states, and evaluate the proposals.") { add, Propose(), Evaluate() };
    }

    /// <summary>
    /// <c>roadmap plan propose DOCUMENT|FILE</c>: what the plan states, proposed with the graph as the vocabulary, as a
    /// summary per kind and rule, and as the proposals file with <c>--output</c>.
    /// </summary>
    private static Command Propose()
    {
        var plan = new Argument<string>("plan") { Description = "A document id of the graph (document:...), or a plan's file (.txt, .md, .html, .docx, .pdf) not yet added." };
        var title = new Option<string?>("--title") { Description = "For a file: the title as the plan writes it (default: the file's name)." };
        var year = new Option<int?>("--year") { Description = "For a file: the year the plan speaks from." };
        var output = new Option<FileInfo?>("--output") { Description = "Write the proposals as JSON to this file." };
        var propose = new Command("propose", "Propose the mentions, nodes, edges, judgements and targets a plan states, each with a verified quote.") { plan, title, year, output };
        propose.SetAction(async (parse, ct) =>
        {
            try
            {
                using var store = new EmbeddedGraphStore(GlobalOptions.StoreOf(parse), GlobalOptions.SeedsOf(parse));
                await store.InitializeAsync(ct);
                var graph = store.Graph;
                var name = parse.GetValue(plan)!;
                Node document;
                if (graph.IndexOf(name) is var at and >= 0 && graph.NodeAt(at) is { Kind: NodeKind.Document } found)
                {
                    document = found;
                }
                else if (File.Exists(name))
                {
                    var path = new FileInfo(name);
                    var planFormat = PlanTextExtractor.FormatOf(path.Name)
                        ?? throw new RoadmapException(ErrorCodes.BadValue, $"'{path.Name}' does not say its format by its extension.");
                    var options = new PlanOptions();
                    GlobalOptions.ConfigurationOf(parse).GetSection(PlanOptions.Section).Bind(options);
                    var planYear = parse.GetValue(year) ?? DateTime.UtcNow.Year;
                    var draft = PlanIntake.Read(new PlanFile(await File.ReadAllBytesAsync(path.FullName, ct), planFormat, path.Name, null,
                        parse.GetValue(title) ?? Path.GetFileNameWithoutExtension(path.Name), null, null, planYear, null), options);
                    document = new Node { Id = draft.Id, Kind = NodeKind.Document, NameZh = draft.Title, NameEn = draft.TitleEn ?? draft.Title, Year = planYear, Text = draft.Text };
                }
                else
                {
                    throw new RoadmapException(ErrorCodes.NotFound, $"'{name}' is neither a document of the graph nor a file.");
                }
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var set = PlanProposer.Propose(graph, document);
                watch.Stop();
                AnsiConsole.MarkupLine($"{Markup.Escape(document.Id)}: {set.Proposals.Count} proposals in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
                var table = new Table().AddColumns("kind", "rule", "proposals");
                foreach (var group in set.Proposals.GroupBy(p => (p.Kind, Rule: ProposalEvaluation.RuleFamily(p.Rule))).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Rule, StringComparer.Ordinal))
                {
                    table.AddRow(EnumNames.ToConstant(group.Key.Kind), Markup.Escape(group.Key.Rule), group.Count().ToString(CultureInfo.InvariantCulture));
                }
                AnsiConsole.Write(table);
                foreach (var kind in set.Proposals.GroupBy(p => p.Kind).OrderBy(g => g.Key))
                {
                    AnsiConsole.MarkupLine($"{EnumNames.ToConstant(kind.Key)}: {kind.Count()}");
                }
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, ProposalJson.Write(set), ct);
                    AnsiConsole.MarkupLine($"written {Markup.Escape(file.FullName)}");
                }
                return 0;
            }
            catch (RoadmapException e)
            {
                AnsiConsole.MarkupLine($"[yellow]{e.Code.Code}[/] {Markup.Escape(e.Message)}");
                return 1;
            }
        });
        return propose;
    }

    /// <summary>
    /// <c>roadmap plan evaluate --hold-out PLAN|all</c>: each plan taken out of the curated seeds, proposed from its text with
    /// the rest as the vocabulary, and scored per kind; the misses and false proposals go to <c>--report</c>.
    /// </summary>
    private static Command Evaluate()
    {
        var holdOut = new Option<string>("--hold-out") { Description = "The document id of the plan to hold out, or 'all'.", Required = true };
        var report = new Option<FileInfo?>("--report") { Description = "Write the misses and false proposals of each kind to this file." };
        var evaluate = new Command("evaluate", "Score the proposals of a plan held out of the curated seeds against its curation.") { holdOut, report };
        evaluate.SetAction(async (parse, ct) =>
        {
            var loaded = SeedLoader.Load(GlobalOptions.SeedsOf(parse).Resolve());
            var graph = loaded.Graph;
            var which = parse.GetValue(holdOut)!;
            var documents = graph.Nodes.Where(n => n.Kind == NodeKind.Document && n.Text is not null && (which == "all" || n.Id == which)).OrderBy(n => n.Year).ToList();
            if (documents.Count == 0)
            {
                AnsiConsole.MarkupLine($"[yellow]NOT_FOUND[/] no document '{Markup.Escape(which)}' with text in the seeds.");
                return 1;
            }
            var results = documents.Select(d => ProposalEvaluation.Evaluate(graph, d.Id)).ToList();
            var table = new Table().AddColumns("plan", "year", "kind", "curated", "found", "recall", "proposed", "correct", "precision");
            static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
            foreach (var (result, doc) in results.Zip(documents))
            {
                foreach (var s in result.Scores)
                {
                    table.AddRow(Markup.Escape(doc.Id), doc.Year?.ToString(CultureInfo.InvariantCulture) ?? "", EnumNames.ToConstant(s.Kind), s.Curated.ToString(CultureInfo.InvariantCulture),
                        s.Found.ToString(CultureInfo.InvariantCulture), Pct(s.Recall), s.Proposed.ToString(CultureInfo.InvariantCulture), s.Correct.ToString(CultureInfo.InvariantCulture), Pct(s.Precision));
                }
            }
            foreach (var kind in Enum.GetValues<ProposalKind>())
            {
                var all = results.SelectMany(r => r.Scores).Where(s => s.Kind == kind).ToList();
                int curated = all.Sum(s => s.Curated), found = all.Sum(s => s.Found), proposed = all.Sum(s => s.Proposed), correct = all.Sum(s => s.Correct);
                table.AddRow("overall", "", EnumNames.ToConstant(kind), curated.ToString(CultureInfo.InvariantCulture), found.ToString(CultureInfo.InvariantCulture),
                    Pct(curated == 0 ? 1 : (double)found / curated), proposed.ToString(CultureInfo.InvariantCulture), correct.ToString(CultureInfo.InvariantCulture), Pct(proposed == 0 ? 1 : (double)correct / proposed));
            }
            AnsiConsole.Write(table);

            var allProposals = results.SelectMany(r => r.Proposals.Proposals.Select(p => (r.DocumentId, p))).ToList();
            var verified = allProposals.Count(x => Core.Rules.GraphRules.Quote(new Source(x.DocumentId, x.p.Section, x.p.Quote), graph.Nodes.First(n => n.Id == x.DocumentId)) is null);
            AnsiConsole.MarkupLine($"quotes verified: {verified}/{allProposals.Count}");
            foreach (var r in results) AnsiConsole.MarkupLine($"propose time {Markup.Escape(r.DocumentId)}: {r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");

            var rules = new Table().AddColumns("rule", "plans", "proposals", "correct");
            foreach (var rule in allProposals.GroupBy(x => ProposalEvaluation.RuleFamily(x.p.Rule)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var wrong = results.SelectMany(r => r.Scores).SelectMany(s => s.FalseProposals).ToHashSet(StringComparer.Ordinal);
                var correct = rule.Count(x => !wrong.Contains($"{x.p.Rule}: {ProposalEvaluation.Payload(x.p)} [{x.p.Section}] \"{x.p.Quote}\""));
                rules.AddRow(Markup.Escape(rule.Key), rule.Select(x => x.DocumentId).Distinct().Count().ToString(CultureInfo.InvariantCulture),
                    rule.Count().ToString(CultureInfo.InvariantCulture), correct.ToString(CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(rules);

            if (parse.GetValue(report) is { } file)
            {
                var sb = new System.Text.StringBuilder();
                foreach (var r in results)
                {
                    foreach (var s in r.Scores)
                    {
                        sb.AppendLine(CultureInfo.InvariantCulture, $"## {r.DocumentId} {EnumNames.ToConstant(s.Kind)}: recall {Pct(s.Recall)}, precision {Pct(s.Precision)}");
                        foreach (var m in s.Misses) sb.AppendLine(CultureInfo.InvariantCulture, $"miss  {m}");
                        foreach (var f in s.FalseProposals) sb.AppendLine(CultureInfo.InvariantCulture, $"false {f}");
                    }
                }
                await File.WriteAllTextAsync(file.FullName, sb.ToString(), ct);
                AnsiConsole.MarkupLine($"report written to {Markup.Escape(file.FullName)}");
            }
            return 0;
        });
        return evaluate;
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
