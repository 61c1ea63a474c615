using Roadmap.Core.Graph;
using Roadmap.Core.Plans;
using Roadmap.Core.Rules;
using Roadmap.Core.Seeds;

namespace Roadmap.Tests.Core.Plans;

/// <summary>
/// The proposal engine on short plans written here in the plans' style, one rule at a time; every quote of all five
/// plans checked; the proposals file read back; and the hold-out score computed by hand on a tiny case.
/// </summary>
public class PlanProposerTests
{
    private static Node Node(string id, NodeKind kind, string nameZh, params string[] aliases) => new()
    {
        Id = id, Kind = kind, NameZh = nameZh, NameEn = id, Aliases = aliases,
        Sources = [new Source("document:other", "一", nameZh)],
    };

    private static readonly Node[] Vocabulary =
    [
        Node("product:ct", NodeKind.Product, "CT", "计算机断层成像系统"),
        Node("component:x-ray-tube", NodeKind.Component, "球管"),
        Node("component:ct-tube", NodeKind.Component, "CT球管"),
        Node("product:pet-mri", NodeKind.Product, "PET-MRI"),
        Node("product:imaging-equipment", NodeKind.Product, "影像设备"),
        Node("technology:ct-imaging", NodeKind.Technology, "CT成像技术"),
    ];

    private static (GraphIndex Graph, Node Document) Plan(string text)
    {
        var document = new Node { Id = "document:test-plan", Kind = NodeKind.Document, NameZh = "测试规划", NameEn = "test plan", Year = 2026, Text = text };
        var other = new Node { Id = "document:other", Kind = NodeKind.Document, NameZh = "其他", NameEn = "other", Year = 2020, Text = "其他" };
        return (new GraphIndex(new GraphData([.. Vocabulary, document, other], [])), document);
    }

    private static IReadOnlyList<Proposal> Propose(string text)
    {
        var (graph, document) = Plan(text);
        return PlanProposer.Propose(graph, document).Proposals;
    }

    [Fact]
    public void A_mention_is_the_longest_known_name_with_its_clause_and_section()
    {
        var proposals = Propose("一、重点任务\n（一）攻关部件。重点突破CT球管的制造工艺，提升整机水平。");

        var sources = proposals.Where(p => p.Kind == ProposalKind.Source).ToList();
        sources.Select(p => p.Source!.Node).ShouldBe(["component:ct-tube"]);
        sources[0].Quote.ShouldBe("重点突破CT球管的制造工艺");
        sources[0].Section.ShouldBe("一(一)");
        sources[0].Rule.ShouldBe("mention");
    }

    [Fact]
    public void A_table_row_proposes_its_technologies_and_parts_and_the_products_needs()
    {
        var proposals = Propose("附录1\n一、影像设备\n序号\t产品\t技术要求\n1\tCT\t关键技术：低剂量成像技术，图像重建技术；关键部件：超大直径滑环，高压发生器；主要指标：扫描层数≥256层。\n");

        var nodes = proposals.Where(p => p.Kind == ProposalKind.Node).Select(p => p.Node!).ToList();
        nodes.ShouldContain(n => n.NameZh == "低剂量成像技术" && n.Kind == NodeKind.Technology);
        nodes.ShouldContain(n => n.NameZh == "超大直径滑环" && n.Kind == NodeKind.Component && n.ComponentType == ComponentType.Part);
        var generator = nodes.Single(n => n.NameZh == "高压发生器");
        generator.NameEn.ShouldBe("high-voltage generator");
        generator.Id.ShouldBe("component:high-voltage-generator");
        nodes.Single(n => n.NameZh == "超大直径滑环").Id.ShouldStartWith("component:new-");
        proposals.Single(p => p.Node?.NameZh == "超大直径滑环").Rule.ShouldBe("row.key-parts+en-untranslated");

        var edges = proposals.Where(p => p.Kind == ProposalKind.Edge).Select(p => p.Edge!).ToList();
        edges.ShouldContain(e => e.From == "product:ct" && e.Type == EdgeType.Requires && e.To == generator.Id);
        edges.ShouldContain(e => e.From == "product:ct" && e.Type == EdgeType.UsesTechnology && e.To == nodes.Single(n => n.NameZh == "低剂量成像技术").Id);
        proposals.Single(p => p.Node?.NameZh == "高压发生器").Section.ShouldBe("附录1 一1");

        var target = proposals.Single(p => p.Kind == ProposalKind.Target).Target!;
        target.ShouldBe(new ProposedTarget("product:ct", "slices per rotation", Comparator.Gte, 256, "层", null));
    }

    [Fact]
    public void A_list_item_cut_from_a_shared_head_noun_gets_it_back()
    {
        var proposals = Propose("二、重点产品\n研发骨科、口腔、神经外科手术机器人。");

        proposals.Where(p => p.Kind == ProposalKind.Node && p.Rule.StartsWith("list.", StringComparison.Ordinal)).Select(p => p.Node!.NameZh).ShouldBe(["骨科手术机器人", "口腔手术机器人", "神经外科手术机器人"], ignoreOrder: true);
        proposals.Single(p => p.Node?.NameZh == "口腔手术机器人").Rule.ShouldBe("list.after-cue+head-noun+en-untranslated");
    }

    [Fact]
    public void Items_before_a_cue_head_noun_take_its_kind_and_duplicates_are_named()
    {
        var proposals = Propose("三、任务\n重点突破大热容量球管、新型探测晶体等核心部件。");

        var tube = proposals.Single(p => p.Node?.NameZh == "大热容量球管");
        tube.Node!.Kind.ShouldBe(NodeKind.Component);
        tube.Node.NameEn.ShouldBe("high-heat-capacity X-ray tube");
        tube.Duplicates!.ShouldContain("component:x-ray-tube");
        proposals.Single(p => p.Node?.NameZh == "新型探测晶体").Node!.ComponentType.ShouldBe(ComponentType.Material);
    }

    [Fact]
    public void Status_wording_judges_the_nodes_its_clause_names()
    {
        var proposals = Propose("一、影像设备。鼓励国内空白的PET-MRI等创新设备产业化。推动具备一定基础的CT等设备升级换代。");

        var judgements = proposals.Where(p => p.Kind == ProposalKind.Assessment).Select(p => p.Assessment!).ToList();
        judgements.ShouldContain(new ProposedAssessment("product:pet-mri", AssessmentStatus.DomesticGap, AssessmentBasis.Stated));
        judgements.ShouldContain(new ProposedAssessment("product:ct", AssessmentStatus.Foundation, AssessmentBasis.Stated));
        judgements.ShouldNotContain(j => j.Node == "product:ct" && j.Status == AssessmentStatus.DomesticGap);
    }

    [Fact]
    public void A_goal_is_not_a_status()
    {
        var proposals = Propose("一、目标。推动CT达到国际先进水平，PET-MRI填补国内空白。");

        proposals.ShouldNotContain(p => p.Kind == ProposalKind.Assessment);
    }

    [Fact]
    public void A_program_column_is_proposed_and_a_goal_gets_its_due_year()
    {
        var proposals = Propose("专栏2 高端装备应用示范行动\n到2025年，推广CT等设备不少于100台。\n");

        var program = proposals.Single(p => p.Node?.Kind == NodeKind.Program).Node!;
        program.NameZh.ShouldBe("高端装备应用示范行动");
        var target = proposals.Single(p => p.Kind == ProposalKind.Target).Target!;
        (target.Value, target.Unit, target.DueYear, target.Comparator).ShouldBe((100d, "台", (int?)2025, Comparator.Gte));
    }

    [Fact]
    public void Every_quote_of_the_five_plans_verifies_and_ids_are_stable_across_runs()
    {
        var graph = SeedLoader.Load(Repo.Seeds).Graph;
        var index = new GraphIndex(graph);
        var documents = graph.Nodes.Where(n => n.Kind == NodeKind.Document && n.Text is not null).ToList();
        documents.Count.ShouldBe(5);
        foreach (var document in documents)
        {
            var first = PlanProposer.Propose(index, document).Proposals;
            var second = PlanProposer.Propose(index, document).Proposals;
            first.Count.ShouldBeGreaterThan(20, document.Id);
            second.Select(p => p.Id).ShouldBe(first.Select(p => p.Id));
            first.Select(p => p.Id).Distinct().Count().ShouldBe(first.Count);
            foreach (var p in first)
            {
                GraphRules.Quote(new Source(document.Id, p.Section, p.Quote), document).ShouldBeNull($"{p.Rule} {p.Quote}");
                p.Confidence.ShouldBeInRange(0, 1);
            }
            var ids = first.Where(p => p.Node is not null).Select(p => p.Node!.Id).ToHashSet();
            foreach (var e in first.Where(p => p.Edge is not null).Select(p => p.Edge!))
            {
                (index.IndexOf(e.From) >= 0 || ids.Contains(e.From)).ShouldBeTrue(e.From);
                (index.IndexOf(e.To) >= 0 || ids.Contains(e.To)).ShouldBeTrue(e.To);
            }
        }
    }

    [Fact]
    public void The_proposals_file_round_trips()
    {
        var (graph, document) = Plan("附录1\n一、影像设备\n1\tCT\t关键技术：低剂量成像技术；关键部件：高压发生器；主要指标：扫描层数≥256层。\n鼓励国内空白的PET-MRI等创新设备产业化。");
        var set = PlanProposer.Propose(graph, document);
        set.Proposals.Select(p => p.Kind).Distinct().Count().ShouldBe(5);

        var json = ProposalJson.Write(set);
        var back = ProposalJson.Read(json);

        json.ShouldContain("\"kind\": \"ASSESSMENT\"");
        json.ShouldContain("\"status\": \"DOMESTIC_GAP\"");
        back.Document.Id.ShouldBe(document.Id);
        back.Document.Year.ShouldBe(2026);
        back.Proposals.Count.ShouldBe(set.Proposals.Count);
        foreach (var (a, b) in set.Proposals.Zip(back.Proposals))
        {
            b.ShouldBe(a with { Duplicates = b.Duplicates });
            b.Duplicates!.ShouldBe(a.Duplicates ?? []);
        }
        ProposalJson.Write(back).ShouldBe(json);
    }

    [Fact]
    public void The_score_counts_recall_and_precision_per_kind_with_strict_matching()
    {
        var curatedNode = Node("component:slip-ring", NodeKind.Component, "滑环", "超大直径滑环");
        var facts = new CuratedFacts(
            new Dictionary<string, Node> { [curatedNode.Id] = curatedNode, ["component:magnet"] = Node("component:magnet", NodeKind.Component, "超导磁体") },
            new HashSet<string> { "product:ct", "product:mri" },
            new HashSet<EdgeKey> { new("product:ct", EdgeType.Requires, "component:slip-ring") },
            new HashSet<(string, AssessmentStatus)> { ("product:ct", AssessmentStatus.Foundation) },
            new HashSet<(string, double, string?)> { ("product:ct", 256, "层"), ("product:mri", 3, "T") });
        var doc = new Node { Id = "document:x", Kind = NodeKind.Document, NameZh = "x", NameEn = "x" };
        Proposal P(ProposalKind kind, ProposedNode? node = null, ProposedEdge? edge = null, ProposedAssessment? a = null, ProposedTarget? t = null, ProposedSource? s = null) =>
            new("proposal:" + Guid.NewGuid().ToString("N")[..8], kind, "q", "一", "r", 0.5, node, edge, a, t, s);
        var set = new ProposalSet(doc,
        [
            P(ProposalKind.Node, node: new ProposedNode("component:new-1", NodeKind.Component, null, "超大直径滑环", "(untranslated) 超大直径滑环")),
            P(ProposalKind.Node, node: new ProposedNode("component:new-2", NodeKind.Component, null, "高速滑环", "(untranslated) 高速滑环")),
            P(ProposalKind.Node, node: new ProposedNode("component:new-3", NodeKind.Component, null, "磁体", "(untranslated) 磁体")),
            P(ProposalKind.Edge, edge: new ProposedEdge("product:ct", EdgeType.Requires, "component:new-1", null, NeedReach.EveryMember)),
            P(ProposalKind.Edge, edge: new ProposedEdge("product:ct", EdgeType.UsesTechnology, "component:new-1", null, NeedReach.EveryMember)),
            P(ProposalKind.Assessment, a: new ProposedAssessment("product:ct", AssessmentStatus.Foundation, AssessmentBasis.Stated)),
            P(ProposalKind.Target, t: new ProposedTarget("product:ct", "slices", Comparator.Gte, 256, "层", null)),
            P(ProposalKind.Target, t: new ProposedTarget("product:mri", "field", Comparator.Gte, 3, "mT", null)),
            P(ProposalKind.Source, s: new ProposedSource("product:ct")),
        ]);

        var scores = ProposalEvaluation.Score(set, facts).ToDictionary(s => s.Kind);

        (scores[ProposalKind.Node].Recall, scores[ProposalKind.Node].Precision).ShouldBe((0.5, 1d / 3));
        scores[ProposalKind.Node].Misses.ShouldBe(["component:magnet (超导磁体)"]);
        (scores[ProposalKind.Edge].Recall, scores[ProposalKind.Edge].Precision).ShouldBe((1d, 0.5));
        (scores[ProposalKind.Assessment].Recall, scores[ProposalKind.Assessment].Precision).ShouldBe((1d, 1d));
        (scores[ProposalKind.Target].Recall, scores[ProposalKind.Target].Precision).ShouldBe((0.5, 0.5));
        (scores[ProposalKind.Source].Recall, scores[ProposalKind.Source].Precision).ShouldBe((0.5, 1d));
        scores[ProposalKind.Source].Misses.ShouldBe(["product:mri"]);
    }

    [Fact]
    public void A_plan_held_out_is_taken_out_of_the_vocabulary_and_scored()
    {
        var graph = SeedLoader.Load(Repo.Seeds).Graph;

        var (vocabulary, facts) = ProposalEvaluation.HoldOut(graph, "document:high-end-device-industrialisation");
        var result = ProposalEvaluation.Evaluate(graph, "document:high-end-device-industrialisation");

        facts.Nodes.ShouldNotBeEmpty();
        vocabulary.Nodes.ShouldNotContain(n => facts.Nodes.ContainsKey(n.Id));
        vocabulary.Nodes.Where(n => n.Kind != NodeKind.Document).SelectMany(n => n.AllSources).ShouldNotContain(s => s.DocumentId == "document:high-end-device-industrialisation");
        result.Scores.Count.ShouldBe(5);
        foreach (var s in result.Scores)
        {
            s.Found.ShouldBeLessThanOrEqualTo(s.Curated);
            s.Correct.ShouldBeLessThanOrEqualTo(s.Proposed);
            s.Misses.Count.ShouldBe(s.Curated - s.Found);
            s.FalseProposals.Count.ShouldBe(s.Proposed - s.Correct);
        }
    }
}
