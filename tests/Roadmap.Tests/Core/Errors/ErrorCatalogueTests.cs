using System.Text;
using System.Text.RegularExpressions;
using Roadmap.Core.Errors;

namespace Roadmap.Tests.Core.Errors;

/// <summary>The error catalogue is the one place codes are defined, and docs/errors.md is its table.</summary>
public partial class ErrorCatalogueTests
{
    private static string DocsPath => Path.Combine(Repo.Root, "docs", "errors.md");

    private const string Begin = "<!-- error-codes:begin -->";
    private const string End = "<!-- error-codes:end -->";

    [Fact]
    public void Codes_are_unique_and_in_constant_case()
    {
        ErrorCodes.All.Count.ShouldBeGreaterThan(40);
        ErrorCodes.All.Select(c => c.Code).ShouldBeUnique();
        ErrorCodes.All.ShouldAllBe(c => ConstantCase().IsMatch(c.Code) && c.Meaning.Length > 10);
    }

    [Fact]
    public void The_docs_table_is_the_catalogue()
    {
        var text = File.ReadAllText(DocsPath).ReplaceLineEndings("\n");
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        (start >= 0 && end > start).ShouldBeTrue($"{DocsPath} needs the {Begin} and {End} markers");
        var current = text[(start + Begin.Length)..end];
        var table = "\n" + Table() + "\n";
        if (current != table && Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(DocsPath, text[..(start + Begin.Length)] + table + text[end..]);
            current = table;
        }
        current.ShouldBe(table, "docs/errors.md differs from src/Roadmap.Core/Errors/ErrorCodes.cs; run the tests with UPDATE_README=1");
    }

    /// <summary>
    /// A code written as a string literal outside the catalogue is a second definition that can drift. The Neo4j
    /// client's own failure codes (Neo4j's status codes and transport descriptions) never reach a client: the
    /// GraphQL layer maps them to STORE_UNAVAILABLE or INTERNAL.
    /// </summary>
    [Fact]
    public void No_source_file_but_the_catalogue_spells_a_code()
    {
        var codes = ErrorCodes.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(Repo.Root, "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            if (relative.EndsWith("Errors/ErrorCodes.cs", StringComparison.Ordinal) || relative.Contains("/Storage/Neo4j/", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match literal in CodeLiteral().Matches(lines[i]))
                {
                    if (codes.Contains(literal.Groups[1].Value)) offenders.Add($"{relative}:{i + 1}: {literal.Value}");
                }
            }
        }
        offenders.ShouldBeEmpty("use Roadmap.Core.Errors.ErrorCodes instead of spelling a code:\n" + string.Join("\n", offenders));
    }

    /// <summary>The markdown table docs/errors.md holds: one row per code, in the catalogue's order.</summary>
    private static string Table()
    {
        var sb = new StringBuilder();
        sb.Append("| code | from | HTTP | meaning |\n|---|---|---|---|\n");
        foreach (var code in ErrorCodes.All)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{code.Code}` | {Origin(code.Origin)} | {code.HttpStatus} | {code.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }
        return sb.ToString().TrimEnd('\n');
    }

    private static string Origin(ErrorOrigin origin) => origin switch
    {
        ErrorOrigin.Http => "the HTTP request",
        ErrorOrigin.GraphQL => "GraphQL.NET",
        ErrorOrigin.Argument => "an argument",
        ErrorOrigin.Access => "the API key",
        ErrorOrigin.Edit => "a mutation",
        ErrorOrigin.GraphRule => "a graph rule (seeds and mutations)",
        ErrorOrigin.Seeds => "`roadmap validate`",
        ErrorOrigin.Service => "the service",
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex ConstantCase();

    [GeneratedRegex("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"")]
    private static partial Regex CodeLiteral();
}
