using Microsoft.Data.Sqlite;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Storage;

/// <summary>
/// The built API over a database file it cannot write (read-only file or directory), cannot grow (a file-size
/// limit) or finds damaged at start. Each file is made first by the store in this process, from the test seeds the
/// API is started with, so that the API finds its seeds imported and has nothing to import.
/// </summary>
[ProcessTier]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class WriteFailureProcessTests
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode ReadOnlyDirectory = ReadOnly | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // Root writes read-only files anyway: the API is started without the capabilities that let it.
    private static readonly string? AsUnprivileged = Environment.IsPrivilegedProcess ? "setpriv --bounding-set=-dac_override,-dac_read_search" : null;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_that_cannot_be_written_is_served_read_only_saying_so(bool directoryReadOnly)
    {
        var database = await NewDatabaseAsync(edits: 0);
        var directory = Path.GetDirectoryName(database)!;
        File.SetUnixFileMode(database, ReadOnly);
        if (directoryReadOnly) File.SetUnixFileMode(directory, ReadOnlyDirectory);
        try
        {
            using var api = await ApiProcess.StartInShellAsync(database, AsUnprivileged, TestKeys.Settings());
            using var client = new HttpClient { BaseAddress = api.Address };

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            (await ready.Content.ReadAsStringAsync()).ShouldBe("Degraded");
            (await GraphQLClient.PostAsync(client, "{ node(id: \"component:ct-tube\") { id } }")).Body.ShouldBe("""{"data":{"node":{"id":"component:ct-tube"}}}""");
            var (_, edit, _) = await GraphQLClient.PostAsync(client.With(TestKeys.Editor.Key), Upsert("technology:unwritten", note: "x"));
            edit.ShouldContain("\"code\":\"STORE_WRITE_FAILED\"");
            api.Output.ShouldContain(l => l.Contains("read-only", StringComparison.Ordinal) && l.Contains(database, StringComparison.Ordinal));
            api.HasExited.ShouldBeFalse();
        }
        finally
        {
            File.SetUnixFileMode(directory, ReadOnlyDirectory | UnixFileMode.UserWrite);
            File.SetUnixFileMode(database, ReadOnly | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task A_damaged_audit_page_found_at_start_stops_the_service_with_a_clear_message()
    {
        var database = await NewDatabaseAsync(edits: 3);
        // The index of the audit log by time: nothing reads it at start (the audit table's own root page is, for the latest sequence number).
        Garble(database, "audit_at");

        var refusal = await Should.ThrowAsync<ApiExitedException>(() => ApiProcess.StartAsync(database));

        refusal.ExitCode.ShouldBe(1, refusal.Message);
        refusal.Output.ShouldContain(l => l.Contains(database, StringComparison.Ordinal) && l.Contains("is damaged", StringComparison.Ordinal) && l.Contains("quick_check", StringComparison.Ordinal));
        // What the check is for: the graph loads without reading that page, so without the check the service would start.
        using var unchecked_ = await ApiProcess.StartAsync(database, ("Store:Embedded:IntegrityCheckAtStart", "false"));
        unchecked_.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_size_limit_fails_edits_with_STORE_WRITE_FAILED_while_reads_go_on()
    {
        var database = await NewDatabaseAsync(edits: 0);
        // ulimit -f counts KiB: the write-ahead log, where edits go first, may grow to 64 KiB, a few edits' worth. The
        // runtime's double-mapped code memory (W^X) is a file too, which so small a limit would not let it create.
        using var api = await ApiProcess.StartInShellAsync(database, "export DOTNET_EnableWriteXorExecute=0 && ulimit -f 64 &&", TestKeys.Settings());
        using var editor = new HttpClient { BaseAddress = api.Address }.With(TestKeys.Editor.Key);

        string? failed = null;
        var committed = 0;
        for (var i = 0; i < 100 && failed is null; i++)
        {
            var (_, body, _) = await GraphQLClient.PostAsync(editor, Upsert($"technology:filler-{i}", note: new string('n', 3_000)));
            if (body.Contains("\"errors\"", StringComparison.Ordinal)) failed = body;
            else committed++;
        }

        failed.ShouldNotBeNull("no edit failed under a 64 KiB file-size limit");
        failed.ShouldContain("\"code\":\"STORE_WRITE_FAILED\"", Case.Sensitive, string.Join("\n", api.Output.TakeLast(30)));
        committed.ShouldBeGreaterThan(0);
        api.HasExited.ShouldBeFalse("SIGXFSZ killed the API");
        using var reader = new HttpClient { BaseAddress = api.Address };
        (await (await reader.GetAsync(new Uri("/health/ready", UriKind.Relative))).Content.ReadAsStringAsync()).ShouldBe("Degraded");
        (await GraphQLClient.PostAsync(reader, "{ node(id: \"technology:filler-0\") { id } }")).Body.ShouldBe("""{"data":{"node":{"id":"technology:filler-0"}}}""");
    }

    private static async Task<string> NewDatabaseAsync(int edits)
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-writefail-").FullName, "roadmap.db");
        using (var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = TestSeeds.Path }))
        {
            await store.InitializeAsync(CancellationToken.None);
            for (var i = 0; i < edits; i++)
            {
                await store.EditAsync("curator", g => EditPlanner.UpsertNode(g, new NodeDraft
                {
                    Id = $"technology:audited-{i}", Kind = NodeKind.Technology, NameZh = $"审计{i}", NameEn = $"audited {i}", Sources = [new Source("document:test-plan", "二", "图像重建技术")],
                }, null), CancellationToken.None);
            }
        }
        // The store's last connection closed: SQLite has moved the write-ahead log into the file and removed it.
        File.Exists(database + "-wal").ShouldBeFalse();
        return database;
    }

    /// <summary>Overwrites the header of <paramref name="table"/>'s root page with bytes no b-tree page starts with.</summary>
    private static void Garble(string database, string table)
    {
        long page, pageSize;
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT rootpage FROM sqlite_schema WHERE name = $table";
            command.Parameters.AddWithValue("$table", table);
            page = (long)command.ExecuteScalar()!;
            command.CommandText = "PRAGMA page_size";
            pageSize = (long)command.ExecuteScalar()!;
        }
        using var file = File.OpenWrite(database);
        file.Position = (page - 1) * pageSize;
        file.Write(Enumerable.Repeat((byte)0x7f, 64).ToArray());
    }

    private static string Upsert(string id, string note) => $$"""
        mutation { upsertNode(input: { id: "{{id}}", kind: TECHNOLOGY, nameZh: "填充 {{id}}", nameEn: "{{id}}", note: "{{note}}",
          sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { node { id } } }
        """;
}
