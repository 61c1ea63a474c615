using System.CommandLine;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Spectre.Console;

namespace Roadmap.Cli.Commands;

/// <summary>
/// <c>roadmap audit variants</c>: every need a variant inherits through VARIANT_OF, with the clause that put it on the
/// general node, then every need stated for a class as a whole, which no member inherits; <c>roadmap audit
/// judgements</c>: every judgement read from wording rather than stated, with the reading. One line each, for a curator
/// to read; exit code 1 when the seeds do not load cleanly.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var variants = new Command("variants", "List, for each variant, the needs it inherits through VARIANT_OF and the clause that put each need on the general node.");
        variants.SetAction(parse =>
        {
            var loaded = SeedLoader.Load(GlobalOptions.SeedsOf(parse).Resolve());
            var rows = InheritedNeeds.Of(loaded.Graph);
            foreach (var row in rows)
            {
                var chain = string.Concat(row.Chain.Select(n => $" -> {n.Id}"));
                Console.WriteLine($"{row.Variant.Id} ({row.Variant.NameZh}){chain} -> {row.General.Id} {EnumNames.ToConstant(row.Edge.Type)} {row.Need.Id} ({row.Need.NameZh}) :: {Clauses(row.Edge.Sources)}");
            }
            var variantCount = rows.Select(r => r.Variant.Id).Distinct(StringComparer.Ordinal).Count();
            AnsiConsole.MarkupLine($"{rows.Count} inherited needs of {variantCount} variants");
            var classNeeds = InheritedNeeds.OfClasses(loaded.Graph);
            foreach (var row in classNeeds)
            {
                Console.WriteLine($"{row.Class.Id} ({row.Class.NameZh}, {row.MemberCount} members) {EnumNames.ToConstant(row.Edge.Type)} CLASS {row.Need.Id} ({row.Need.NameZh}) :: {Clauses(row.Edge.Sources)}");
            }
            var classCount = classNeeds.Select(r => r.Class.Id).Distinct(StringComparer.Ordinal).Count();
            AnsiConsole.MarkupLine($"{classNeeds.Count} needs of {classCount} classes as a whole, which no member inherits");
            return Finish(loaded);
        });

        var judgements = new Command("judgements", "List the judgements read from the plan's wording rather than stated in words (basis READ), with the reading, for review.");
        judgements.SetAction(parse =>
        {
            var loaded = SeedLoader.Load(GlobalOptions.SeedsOf(parse).Resolve());
            var rows = JudgementsToReview.Of(loaded.Graph);
            foreach (var (node, assessment) in rows)
            {
                Console.WriteLine($"{node.Id} ({node.NameZh}) {EnumNames.ToConstant(assessment.Status)} {assessment.Year} :: {Clauses([assessment.Source])} :: read: {assessment.Note}");
            }
            AnsiConsole.MarkupLine($"{rows.Count} judgements read from wording, of {rows.Select(r => r.Node.Id).Distinct(StringComparer.Ordinal).Count()} nodes");
            return Finish(loaded);
        });
        return new Command("audit", "Reports for curators reading the graph against the plans.") { variants, judgements };
    }

    private static string Clauses(IEnumerable<Source> sources) =>
        string.Join(" | ", sources.Select(s => $"{s.DocumentId.Replace("document:", "", StringComparison.Ordinal)} {s.Section}: {s.Quote}"));

    private static int Finish(SeedLoadResult loaded)
    {
        foreach (var issue in loaded.Issues) AnsiConsole.MarkupLine($"[red]{Markup.Escape(issue.File)}:{issue.Line}[/] [yellow]{issue.Code}[/] {Markup.Escape(issue.Message)}");
        return loaded.IsValid ? 0 : 1;
    }
}
