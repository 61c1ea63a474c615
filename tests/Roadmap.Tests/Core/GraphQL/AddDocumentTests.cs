using System.Text.Json;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>
/// A new plan through addDocument, as an admin's client adds one: its text kept and searchable at once, quotes from it
/// checked against it, its coverage, and every refusal coded with nothing stored.
/// </summary>
public class AddDocumentTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    private const string Plan = "医疗装备产业高质量发展行动计划\n一、总体要求\n到2027年，高端医疗装备国产化率达到70%以上。\n二、重点任务\n重点突破超导磁体、光子计数探测器等核心部件。\n三、保障措施\n加强组织领导，完善支持政策。";

    private static async Task<JsonElement> Send(HttpClient client, string query, object? variables = null)
    {
        var (status, body, _) = await GraphQLClient.PostAsync(client, query, variables is null ? null : JsonSerializer.Serialize(variables), accept: "application/json");
        status.ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string? ErrorCode(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private const string Add = """
        mutation($input: AddDocumentInput!) { addDocument(input: $input) {
          revision document { id title titleEn year period { start end } file sources { section quote } } } }
        """;

    private static object Input(string? text = Plan, string? file = null, string? fileName = null, string titleEn = "Medical equipment action plan (test)") =>
        new { input = new { title = "医疗装备产业高质量发展行动计划", titleEn, issuer = "工业和信息化部", year = 2026, period = new { start = 2026, end = 2027 }, text, file, fileName } };

    private static async Task<int> DocumentCount(HttpClient client) =>
        (await Send(client, "{ stats { byKind { kind count } } }")).GetProperty("data").GetProperty("stats").GetProperty("byKind")
            .EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "DOCUMENT").GetProperty("count").GetInt32();

    [Fact]
    public async Task An_admin_adds_a_plan_whose_sentences_are_searchable_and_quotable_at_once()
    {
        var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);

        var added = await Send(admin, Add, Input());
        ErrorCode(added).ShouldBeNull(added.ToString());
        added.GetProperty("data").GetProperty("addDocument").GetProperty("document").ToString().ShouldBe(
            """{"id":"document:medical-equipment-action-plan-test","title":"医疗装备产业高质量发展行动计划","titleEn":"Medical equipment action plan (test)","year":2026,"period":{"start":2026,"end":2027},"file":"medical-equipment-action-plan-test.txt","sources":[{"section":"标题","quote":"医疗装备产业高质量发展行动计划"}]}""");

        var found = await Send(admin, """{ searchSources(text: "光子计数探测器") { totalCount edges { node { document { id } sentence } } } }""");
        found.GetProperty("data").GetProperty("searchSources").GetProperty("edges")[0].GetProperty("node").ToString()
            .ShouldBe("""{"document":{"id":"document:medical-equipment-action-plan-test"},"sentence":"二、重点任务重点突破超导磁体、光子计数探测器等核心部件。"}""");

        // A new plan cites only its own title until facts are added from it.
        var coverage = """{ node(id: "document:medical-equipment-action-plan-test") { ... on Document { coverage { sentenceCount citedCount uncited { sentence } } } } }""";
        (await Send(admin, coverage)).GetProperty("data").GetProperty("node").GetProperty("coverage").GetProperty("citedCount").GetInt32().ShouldBe(1);

        // A quote is checked against the plan's own text: one it holds is taken, one it does not is refused.
        var source = """mutation($q: String!) { addSource(input: { node: { id: "component:ct-tube", source: { document: "document:medical-equipment-action-plan-test", section: "二", quote: $q } } }) { revision } }""";
        ErrorCode(await Send(admin, source, new { q = "重点突破超导磁体" })).ShouldBeNull();
        ErrorCode(await Send(admin, source, new { q = "重点突破磁共振" })).ShouldBe("QUOTE_NOT_FOUND");

        (await Send(admin, coverage)).GetProperty("data").GetProperty("node").GetProperty("coverage").ToString().ShouldBe(
            """{"sentenceCount":3,"citedCount":2,"uncited":[{"sentence":"三、保障措施加强组织领导,完善支持政策。"}]}""");
    }

    [Fact]
    public async Task A_plan_added_proposes_sources_for_the_nodes_it_mentions_each_quoting_the_plan()
    {
        var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);
        const string text = "影像装备攻关方案\n一、重点任务\n重点突破大热容量球管、旋转靶盘等核心部件。";
        ErrorCode(await Send(admin, Add, Input(text: text, titleEn: "Imaging equipment tasks (test)"))).ShouldBeNull();

        var set = await Send(admin, """
            { proposeFacts(document: "document:imaging-equipment-tasks-test") {
                document { id } totalCount
                proposals(kinds: [SOURCE]) { kind sourceOf quote section rule confidence } } }
            """);
        var unknown = await Send(admin, """{ proposeFacts(document: "document:nope") { totalCount } }""");

        var proposals = set.GetProperty("data").GetProperty("proposeFacts").GetProperty("proposals").EnumerateArray().ToList();
        proposals.Select(p => p.GetProperty("sourceOf").GetString()).Order(StringComparer.Ordinal).ShouldBe(["component:ct-tube", "component:rotating-anode-target"]);
        proposals.ShouldAllBe(p => Roadmap.Core.Seeds.QuoteFolding.Fold(text).Contains(Roadmap.Core.Seeds.QuoteFolding.Fold(p.GetProperty("quote").GetString()!), StringComparison.Ordinal));
        proposals.ShouldAllBe(p => p.GetProperty("section").GetString() == "一");
        ErrorCode(unknown).ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task A_plan_added_as_a_saved_web_page_is_read_from_its_body()
    {
        var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);
        var page = "<html><head><title>行动计划</title><script>var x = '脚本';</script></head><body><h1>网页版行动计划</h1><p>推进高端医学影像装备的国产化。</p></body></html>";

        var added = await Send(admin, Add, Input(text: null, file: Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(page)), fileName: "plan.html", titleEn: "Web page plan (test)"));

        ErrorCode(added).ShouldBeNull(added.ToString());
        var text = await Send(admin, """{ searchSources(text: "国产化", documents: ["document:web-page-plan-test"]) { edges { node { sentence } } } }""");
        text.GetProperty("data").GetProperty("searchSources").GetProperty("edges")[0].GetProperty("node").GetProperty("sentence").GetString().ShouldBe("网页版行动计划推进高端医学影像装备的国产化。");
    }

    [Fact]
    public async Task Every_refusal_has_its_code_and_stores_nothing()
    {
        var client = await factory.ReadyClientAsync();
        var admin = client.With(TestKeys.Admin.Key);
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        const string plan = "医疗器械监管科学行动计划\n推进医疗器械审评审批制度改革。";
        ErrorCode(await Send(admin, Add, Input(text: plan, titleEn: "First copy (test)"))).ShouldBeNull();
        var before = await DocumentCount(admin);

        ErrorCode(await Send(editor, Add, Input(text: "编辑不能添加的规划。", titleEn: "Not an admin (test)"))).ShouldBe("FORBIDDEN");
        ErrorCode(await Send(admin, Add, Input(text: plan.Replace("\n", "\r\n  ", StringComparison.Ordinal), titleEn: "Second copy (test)"))).ShouldBe("DUPLICATE_PLAN");
        ErrorCode(await Send(admin, Add, Input(text: "An action plan in English only.", titleEn: "English (test)"))).ShouldBe("NO_CHINESE_TEXT");
        ErrorCode(await Send(admin, Add, Input(text: " \n ", titleEn: "Empty (test)"))).ShouldBe("NO_PLAN_TEXT");
        ErrorCode(await Send(admin, Add, Input(text: null, file: "not base64!", fileName: "plan.pdf", titleEn: "Not base64 (test)"))).ShouldBe("BAD_VALUE");
        ErrorCode(await Send(admin, Add, Input(text: null, file: Convert.ToBase64String("这不是PDF"u8.ToArray()), fileName: "plan.pdf", titleEn: "Not a PDF (test)"))).ShouldBe("UNREADABLE_PLAN");
        ErrorCode(await Send(admin, Add, Input(text: "另一个规划的正文。", titleEn: "First copy (test)"))).ShouldBe("CONFLICT");
        ErrorCode(await Send(admin, """mutation { upsertNode(input: { id: "document:sneaky", kind: DOCUMENT, nameZh: "规划", nameEn: "plan", sources: [] }) { revision } }""")).ShouldBe("DOCUMENTS_READ_ONLY");

        (await DocumentCount(admin)).ShouldBe(before);
    }
}
