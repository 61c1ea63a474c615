using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Roadmap.Tests.Cli;

/// <summary>The `roadmap` command run as a process, as a curator or a script would run it.</summary>
[ProcessTier]
public partial class CliTests
{
    private static async Task<(int ExitCode, string Output)> Roadmap(params string[] args)
    {
        // The CLI is built alongside the tests, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Repo.Root, "src", "Roadmap.Cli", "bin", configuration, "net10.0", "roadmap.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "400";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task Validate_passes_the_committed_seeds()
    {
        var (exit, output) = await Roadmap("validate", "--seeds", Repo.Seeds);

        exit.ShouldBe(0, output);
        output.ShouldContain("valid:");
    }

    [Fact]
    public async Task Validate_fails_with_file_line_and_code_for_a_broken_dataset()
    {
        var seeds = TestSeeds.CopyToTemp("roadmap-cli-");
        var plan = Path.Combine(seeds, "graph", "test-plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("to: component:vacuum-bearing,", "to: component:missing,", StringComparison.Ordinal));

        var (exit, output) = await Roadmap("validate", "--seeds", seeds);

        exit.ShouldBe(1, output);
        output.ShouldContain("test-plan.yaml:65 DANGLING_EDGE edge to unknown node 'component:missing'");
    }

    [Fact]
    public async Task Audit_variants_lists_each_inherited_need_with_its_clause()
    {
        var (exit, output) = await Roadmap("audit", "variants", "--seeds", TestSeeds.Path);

        exit.ShouldBe(0, output);
        output.ShouldContain("-> product:ct REQUIRES component:ct-tube (大热容量球管) :: ");
        output.ShouldContain("二: 关键部件：大热容量球管");
        output.ShouldContain("2 inherited needs of 1 variants");
    }

    [Fact]
    public async Task Query_runs_a_graphql_file_against_the_local_graph()
    {
        var dir = Directory.CreateTempSubdirectory("roadmap-cli-").FullName;
        var query = Path.Combine(dir, "q.graphql");
        File.WriteAllText(query, """query($id: ID!) { node(id: $id) { nameZh } }""");

        var (exit, output) = await Roadmap("query", query, "--variables", """{"id":"component:ct-tube"}""",
            "--seeds", TestSeeds.Path, "--database", Path.Combine(dir, "r.db"));

        exit.ShouldBe(0, output);
        output.Trim().ShouldBe("""{"data":{"node":{"nameZh":"大热容量球管"}}}""");
    }

    [Fact]
    public async Task Query_exits_non_zero_when_the_response_has_errors()
    {
        var dir = Directory.CreateTempSubdirectory("roadmap-cli-").FullName;
        var query = Path.Combine(dir, "q.graphql");
        File.WriteAllText(query, """{ dependencies(id: "product:ct", maxDepth: 99) { truncated } }""");

        var (exit, output) = await Roadmap("query", query, "--seeds", TestSeeds.Path, "--database", Path.Combine(dir, "r.db"));

        exit.ShouldBe(1);
        output.ShouldContain("ARGUMENT_OUT_OF_RANGE");
    }

    [Fact]
    public async Task Export_writes_an_analysis_as_mermaid_and_the_whole_graph_as_graphml()
    {
        var dir = Directory.CreateTempSubdirectory("roadmap-cli-").FullName;
        var common = new[] { "--seeds", TestSeeds.Path, "--database", Path.Combine(dir, "r.db") };

        var (exit, mermaid) = await Roadmap(["export", "--format", "mermaid", "--of", "dependents", "--id", "component:vacuum-bearing", .. common]);
        exit.ShouldBe(0, mermaid);
        mermaid.ShouldStartWith("flowchart LR\n");
        mermaid.ShouldContain("\"vacuum high-temperature bearing<br/>真空高温轴承\"");
        mermaid.Split('\n').Count(l => l.Contains("-->|", StringComparison.Ordinal)).ShouldBe(4);

        var file = Path.Combine(dir, "graph.graphml");
        (exit, _) = await Roadmap(["export", "--format", "graphml", "--output", file, .. common]);
        exit.ShouldBe(0);
        var graphml = System.Xml.Linq.XDocument.Load(file);
        graphml.Descendants(System.Xml.Linq.XName.Get("node", "http://graphml.graphdrawing.org/xmlns")).Count().ShouldBe(8);

        (exit, var error) = await Roadmap(["export", "--format", "csv", "--of", "roadmap", "--id", "product:none", .. common]);
        exit.ShouldBe(1);
        error.ShouldContain("unknown id 'product:none'");
    }

    [Fact]
    public async Task Export_of_the_whole_graph_as_csv_writes_the_neo4j_admin_import_files()
    {
        var dir = Directory.CreateTempSubdirectory("roadmap-cli-").FullName;
        var output = Path.Combine(dir, "admin");

        var (exit, text) = await Roadmap("export", "--format", "csv", "--output", output,
            "--seeds", TestSeeds.Path, "--database", Path.Combine(dir, "r.db"));

        exit.ShouldBe(0, text);
        text.ShouldContain("neo4j-admin database import full");
        var nodes = File.ReadAllLines(Path.Combine(output, "nodes.csv"));
        nodes[0].ShouldBe("id:ID,:LABEL,kind,nameZh,nameEn,aliases:string[],aliasText,latestStatus,body");
        nodes.ShouldContain(l => l.StartsWith("\"product:ct\",\"Node;Product\",\"PRODUCT\",\"CT\"", StringComparison.Ordinal));
        File.ReadAllLines(Path.Combine(output, "relationships.csv"))[0].ShouldBe(":START_ID,:END_ID,:TYPE,sources,group,reach");
    }

    [Fact]
    public async Task Plan_add_reads_a_pdf_into_the_database_and_refuses_a_scanned_one_storing_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("roadmap-cli-").FullName;
        var fixtures = Path.Combine(Repo.Root, "tests", "Roadmap.Tests", "Core", "Plans", "fixtures");
        string[] common = ["--title", "医疗装备产业高质量发展行动计划（示例）", "--year", "2026", "--period", "2026-2027", "--seeds", TestSeeds.Path, "--database", Path.Combine(dir, "r.db")];

        var (added, addedText) = await Roadmap(["plan", "add", Path.Combine(fixtures, "action-plan.pdf"), "--title-en", "Action plan (PDF)", .. common]);
        var (scanned, scannedText) = await Roadmap(["plan", "add", Path.Combine(fixtures, "scanned.pdf"), "--title-en", "Action plan (scan)", .. common]);
        var (_, stats) = await Roadmap("stats", "--seeds", TestSeeds.Path, "--database", Path.Combine(dir, "r.db"));

        added.ShouldBe(0, addedText);
        addedText.ShouldContain("added document:action-plan-pdf");
        scanned.ShouldBe(1, scannedText);
        scannedText.ShouldContain("NO_PLAN_TEXT");
        stats.ShouldContain("document:action-plan-pdf");
        stats.ShouldNotContain("document:action-plan-scan");
    }

    [Fact]
    public async Task Key_new_prints_a_key_once_and_the_hash_that_authenticates_it()
    {
        var (exit, output) = await Roadmap("key", "new", "--name", "alice", "--role", "editor");

        exit.ShouldBe(0, output);
        var key = System.Text.RegularExpressions.Regex.Match(output, @"rk_[A-Za-z0-9_-]{43}").Value;
        var hash = System.Text.RegularExpressions.Regex.Match(output, @"Auth__Keys__N__Hash=(\S+)").Groups[1].Value;
        var keys = new Roadmap.Core.Security.ApiKeys([new() { Name = "alice", Role = "editor", Hash = hash }]);
        keys.Authenticate(key)!.Identity!.Name.ShouldBe("alice");
        output.ShouldContain("Auth__Keys__N__Role=editor");
    }

    [Fact]
    public async Task Export_as_yaml_writes_a_seeds_directory_that_validates()
    {
        var output = Directory.CreateTempSubdirectory("roadmap-cli-yaml-").FullName;
        var database = Path.Combine(output, "roadmap.db");

        var (exit, written) = await Roadmap("export", "--format", "yaml", "--output", Path.Combine(output, "seeds"), "--seeds", TestSeeds.Path, "--database", database);
        var (valid, report) = await Roadmap("validate", "--seeds", Path.Combine(output, "seeds"));
        var (_, original) = await Roadmap("validate", "--seeds", TestSeeds.Path);

        exit.ShouldBe(0, written);
        valid.ShouldBe(0, report);
        // The same counts of nodes, edges and checked quotes as the seeds it came from.
        report.Split(" checked in ")[0].ShouldBe(original.Split(" checked in ")[0]);
    }

    /// <summary>A one-line `roadmap` command in a ```sh block, followed by the output it prints.</summary>
    [GeneratedRegex("```sh\\ndotnet run --project src/Roadmap.Cli -- (?<args>[^\\n'\"#]*?)\\n```\\s*```(?:mermaid|text)\\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShownCommand();

    [Fact]
    public async Task Every_command_the_docs_show_with_its_output_prints_that_output()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md").Prepend(Path.Combine(Repo.Root, "README.md"));
        var shown = files.SelectMany(f => ShownCommand().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Match: m))).ToList();
        shown.ShouldNotBeEmpty();

        foreach (var (file, match) in shown)
        {
            var dir = Directory.CreateTempSubdirectory("roadmap-cli-docs-").FullName;
            var args = match.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (exit, output) = await Roadmap([.. args, "--seeds", Repo.Seeds, "--database", Path.Combine(dir, "r.db")]);

            exit.ShouldBe(0, $"{file}: {output}");
            output.ShouldBe(match.Groups["output"].Value, $"{file}: roadmap {match.Groups["args"].Value}");
        }
    }
}
