using System.CommandLine;
using Roadmap.Core.Seeds;
using Spectre.Console;

namespace Roadmap.Cli.Commands;

/// <summary><c>roadmap coverage</c>: the plans' enumerated items no node names; exit code 1 when a required list is incomplete.</summary>
internal static class CoverageCommand
{
    public static Command Create()
    {
        var coverage = new Command("coverage", "List the items the plans enumerate (002 appendix, 003 专栏1 and 专栏2, 000 专栏3) that no node names.");
        coverage.SetAction(parse =>
        {
            var seeds = GlobalOptions.SeedsOf(parse).Resolve();
            var loaded = SeedLoader.Load(seeds);
            var incomplete = false;
            foreach (var list in Coverage.Check(loaded.Graph, Path.Combine(seeds, "documents")))
            {
                var colour = list.Missing.Count == 0 ? "green" : list.Required ? "red" : "yellow";
                AnsiConsole.MarkupLine($"[{colour}]{list.Found}/{list.ItemCount}[/] {Markup.Escape(list.List)}{(list.Required ? "" : " (reported, not required)")}");
                foreach (var item in list.Missing) AnsiConsole.MarkupLine($"    missing: {Markup.Escape(item)}");
                incomplete |= list.Required && list.Missing.Count > 0;
            }
            return incomplete ? 1 : 0;
        });
        return coverage;
    }
}
