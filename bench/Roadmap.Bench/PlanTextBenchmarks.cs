using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Bench;

/// <summary>
/// searchSources over the five plans beside SQLite FTS5 with its trigram tokenizer, over the same folded sentences:
/// every sentence holding a term, counted, and the first page of 20. The answers are checked equal in the setup.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class PlanTextBenchmarks
{
    [Params("国产化", "依赖进口")]
    public string Term { get; set; } = "";

    private PlanTextIndex _index = null!;
    private SqliteConnection _sqlite = null!;
    private SqliteCommand _count = null!;
    private SqliteCommand _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = SeedLoader.Load(new SeedsOptions().Resolve());
        if (!loaded.IsValid) throw new InvalidOperationException(loaded.Issues[0].ToString());
        var database = Path.Combine(Path.GetTempPath(), $"roadmap-bench-plans-{Environment.ProcessId}.db");
        var file = new SqliteGraphFile(database);
        file.Import(loaded.Graph, "bench");
        _index = PlanTextIndex.Of(new GraphIndex(file.Read()));

        _sqlite = new SqliteConnection("Data Source=:memory:");
        _sqlite.Open();
        using (var create = _sqlite.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE sentences USING fts5(document UNINDEXED, sentence, tokenize = 'trigram')";
            create.ExecuteNonQuery();
        }
        using (var transaction = _sqlite.BeginTransaction())
        using (var insert = _sqlite.CreateCommand())
        {
            insert.CommandText = "INSERT INTO sentences (rowid, document, sentence) VALUES ($row, $document, $sentence)";
            var (row, document, sentence) = (insert.Parameters.Add("$row", SqliteType.Integer), insert.Parameters.Add("$document", SqliteType.Text), insert.Parameters.Add("$sentence", SqliteType.Text));
            var n = 0;
            foreach (var (id, text) in _index.Sentences)
            {
                (row.Value, document.Value, sentence.Value) = (n++, id, text);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        // A phrase query: the trigram tokenizer matches it as a substring, as searchSources does.
        _count = Command("SELECT count(*) FROM sentences WHERE sentences MATCH $q");
        _page = Command("SELECT rowid, sentence FROM sentences WHERE sentences MATCH $q ORDER BY rowid LIMIT 20");

        var ours = _index.Page(Term, null, null, 20);
        var theirs = Page();
        if (ours.TotalCount != Count() || !ours.Hits.Select(h => h.Sentence).SequenceEqual(theirs))
        {
            throw new InvalidOperationException($"searchSources and FTS5 disagree on {Term}: {ours.TotalCount} against {Count()} sentences");
        }
        Console.WriteLine($"// {Term}: {ours.TotalCount} sentences of {_index.SentenceCount}, the same in both");
    }

    private SqliteCommand Command(string sql)
    {
        var command = _sqlite.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$q", $"\"{Term}\"");
        return command;
    }

    [GlobalCleanup]
    public void Cleanup() => _sqlite.Dispose();

    [Benchmark(Description = "searchSources: count and first 20")]
    public int SearchSources() => _index.Page(Term, null, null, 20).TotalCount;

    [Benchmark(Baseline = true, Description = "peer: SQLite FTS5 trigram, count and first 20")]
    public long SqliteFts5() => Count() + Page().Count;

    private long Count() => (long)_count.ExecuteScalar()!;

    private List<string> Page()
    {
        var sentences = new List<string>();
        using var reader = _page.ExecuteReader();
        while (reader.Read()) sentences.Add(reader.GetString(1));
        return sentences;
    }
}
