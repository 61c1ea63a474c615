using System.CommandLine;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Spectre.Console;

namespace Roadmap.Cli.Commands;

/// <summary>
/// <c>roadmap audit variants</c>: every need a variant inherits through VARIANT_OF, with the clause that put it on the
/// general node, one line each, for a curator to read; exit code 1 when the seeds do not load cleanly.
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
                var clauses = string.Join(" | ", row.Edge.Sources.Select(s => $"{s.DocumentId.Replace("document:", "", StringComparison.Ordinal)} {s.Section}: {s.Quote}"));
                Console.WriteLine($"{row.Variant.Id} ({row.Variant.NameZh}){chain} -> {row.General.Id} {EnumNames.ToConstant(row.Edge.Type)} {row.Need.Id} ({row.Need.NameZh}) :: {clauses}");
            }
            var variantCount = rows.Select(r => r.Variant.Id).Distinct(StringComparer.Ordinal).Count();
            AnsiConsole.MarkupLine($"{rows.Count} inherited needs of {variantCount} variants");
            foreach (var issue in loaded.Issues) AnsiConsole.MarkupLine($"[red]{Markup.Escape(issue.File)}:{issue.Line}[/] [yellow]{issue.Code}[/] {Markup.Escape(issue.Message)}");
            return loaded.IsValid ? 0 : 1;
        });
        return new Command("audit", "Reports for curators reading the graph against the plans.") { variants };
    }
}
