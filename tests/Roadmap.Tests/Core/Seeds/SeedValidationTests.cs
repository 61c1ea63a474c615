using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Tests.Core.Seeds;

public class SeedValidationTests
{
    [Fact]
    public void The_committed_seed_dataset_is_valid()
    {
        var result = SeedLoader.Load(Repo.Seeds);

        result.Issues.ShouldBeEmpty(string.Join("\n", result.Issues));
        result.Graph.Nodes.Count(n => n.Kind == NodeKind.Document).ShouldBe(5);
    }

    [Fact]
    public void The_counts_the_readmes_state_are_the_graphs()
    {
        var graph = SeedLoader.Load(Repo.Seeds).Graph;
        var expected = $"{graph.Nodes.Count:N0} nodes";
        var edges = $"{graph.Edges.Count:N0}";

        File.ReadAllText(Path.Combine(Repo.Seeds, "README.md")).ShouldContain($"**{expected}**");
        File.ReadAllText(Path.Combine(Repo.Seeds, "README.md")).ShouldContain($"**{edges} edges**");
        File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ShouldContain($"{expected} (");
    }

    [Fact]
    public void Every_assessment_is_dated_by_the_document_it_cites()
    {
        var graph = SeedLoader.Load(Repo.Seeds).Graph;
        var years = graph.Nodes.Where(n => n.Kind == NodeKind.Document).ToDictionary(n => n.Id, n => n.Year);

        var assessments = graph.Nodes.SelectMany(n => n.Assessments).ToList();
        assessments.ShouldNotBeEmpty();
        assessments.ShouldAllBe(a => a.Year == years[a.Source.DocumentId]);
    }

    private const string Documents = """
        documents:
          - id: document:plan
            file: plan.txt
            nameZh: 规划
            nameEn: The plan
            year: 2018
            sources:
              - {section: 标题, quote: 规划}
        """;

    private const string PlanText = "规划\n一、影像设备。推动具备一定基础的 CT、\nMRI 等设备升级换代。<p>关键部件：大热容量球管，</p> 扫描层数 $\\geq 256$ 层";

    private static SeedLoadResult LoadWith(string graphYaml)
    {
        var dir = Directory.CreateTempSubdirectory("roadmap-seeds-");
        Directory.CreateDirectory(Path.Combine(dir.FullName, "graph"));
        Directory.CreateDirectory(Path.Combine(dir.FullName, "documents"));
        File.WriteAllText(Path.Combine(dir.FullName, "graph", "documents.yaml"), Documents);
        File.WriteAllText(Path.Combine(dir.FullName, "graph", "plan.yaml"), graphYaml);
        File.WriteAllText(Path.Combine(dir.FullName, "documents", "plan.txt"), PlanText);
        return SeedLoader.Load(dir.FullName);
    }

    private const string ValidGraph = """
        document: document:plan
        products:
          - id: product:ct
            nameZh: CT
            nameEn: computed tomography (CT) system
            field: IMAGING
            sources:
              - {section: 一, quote: "推动具备一定基础的 CT、MRI"}
            assessments:
              - {status: FOUNDATION, section: 一, quote: 推动具备一定基础的 CT}
            targets:
              - {metric: slices, comparator: GTE, value: 256, unit: slices, section: 一, quote: "扫描层数 ≥ 256 层"}
        components:
          - id: component:ct-tube
            nameZh: 大热容量球管
            nameEn: high-heat-capacity X-ray tube
            type: PART
            sources:
              - {section: 一, quote: "关键部件: 大热容量球管"}
        edges:
          - from: product:ct
            type: REQUIRES
            to: component:ct-tube
            sources:
              - {section: 一, quote: 关键部件：大热容量球管}
        """;

    [Fact]
    public void A_valid_graph_loads_with_quotes_matched_across_line_breaks_and_markup()
    {
        var result = LoadWith(ValidGraph);

        result.Issues.ShouldBeEmpty(string.Join("\n", result.Issues));
        var ct = result.Graph.Nodes.Single(n => n.Id == "product:ct");
        ct.Assessments.ShouldHaveSingleItem().Year.ShouldBe(2018);
        ct.Targets.ShouldHaveSingleItem().Value.ShouldBe(256);
        result.Graph.Edges.ShouldHaveSingleItem().Type.ShouldBe(EdgeType.Requires);
    }

    [Theory]
    [InlineData("to: component:ct-tube\n", "to: component:nope\n", "DANGLING_EDGE", 21)]
    [InlineData("id: component:ct-tube", "id: product:ct", "BAD_ID", 14)]
    [InlineData("nameZh: 大热容量球管", "nameZh: 大热容量球管\n    aliases: []", null, 0)]
    [InlineData("quote: \"关键部件: 大热容量球管\"", "quote: \"关键部件: 小热容量球管\"", "QUOTE_NOT_FOUND", 19)]
    [InlineData("field: IMAGING", "field: RADIOLOGY", "UNKNOWN_ENUM", 6)]
    [InlineData("    nameEn: high-heat-capacity X-ray tube\n", "", "MISSING_FIELD", 14)]
    [InlineData("type: REQUIRES", "type: NEEDS", "UNKNOWN_ENUM", 22)]
    [InlineData("    type: PART\n", "    type: PART\n    colour: red\n", "UNKNOWN_KEY", 18)]
    [InlineData("    type: REQUIRES\n", "    type: REQUIRES\n    group: tube\n", "GROUP_OF_ONE", 21)]
    [InlineData("    type: REQUIRES\n", "    type: VARIANT_OF\n    group: tube\n", "BAD_GROUP", 21)]
    [InlineData("    type: REQUIRES\n", "    type: REQUIRES\n    reach: class\n", "REACH_WITHOUT_MEMBERS", 21)]
    [InlineData("    type: REQUIRES\n", "    type: REQUIRES\n    reach: sometimes\n", "UNKNOWN_ENUM", 23)]
    [InlineData("{status: FOUNDATION, section", "{status: FOUNDATION, basis: read, section", "MISSING_FIELD", 10)]
    [InlineData("{status: FOUNDATION, section", "{status: FOUNDATION, basis: read, note: \"升级换代 read as some base\", section", null, 0)]
    public void Each_problem_is_reported_with_its_code_file_and_line(string find, string replace, string? code, int line)
    {
        ValidGraph.ShouldContain(find);
        var result = LoadWith(ValidGraph.Replace(find, replace, StringComparison.Ordinal));

        if (code is null)
        {
            result.Issues.ShouldBeEmpty();
            return;
        }
        result.Issues.ShouldContain(i => i.Code == code && i.File == "plan.yaml" && i.Line == line, string.Join("\n", result.Issues));
    }

    private const string ClassGraph = """
        document: document:plan
        products:
          - id: product:ct
            nameZh: CT
            nameEn: computed tomography (CT) system
            field: IMAGING
            sources:
              - {section: 一, quote: "推动具备一定基础的 CT、MRI"}
          - id: product:mri
            nameZh: MRI
            nameEn: magnetic resonance imaging (MRI) system
            field: IMAGING
            sources:
              - {section: 一, quote: "MRI 等设备"}
          - id: product:imaging-equipment
            nameZh: 影像设备
            nameEn: imaging equipment
            field: IMAGING
            sources:
              - {section: 一, quote: 影像设备}
            assessments:
              - {status: FOUNDATION, basis: read, note: "升级换代 read as a base to upgrade", section: 一, quote: 推动具备一定基础的 CT, context: [{section: 一, quote: 等设备升级换代}]}
        components:
          - id: component:ct-tube
            nameZh: 大热容量球管
            nameEn: high-heat-capacity X-ray tube
            type: PART
            sources:
              - {section: 一, quote: "关键部件: 大热容量球管"}
        edges:
          - {from: product:ct, type: VARIANT_OF, to: product:imaging-equipment, sources: [{section: 一, quote: CT}]}
          - {from: product:mri, type: VARIANT_OF, to: product:imaging-equipment, sources: [{section: 一, quote: MRI}]}
          - {from: product:imaging-equipment, type: REQUIRES, to: component:ct-tube, reach: class, sources: [{section: 一, quote: 关键部件：大热容量球管}]}
        """;

    [Fact]
    public void A_class_need_a_read_judgement_and_its_context_load_as_written()
    {
        var result = LoadWith(ClassGraph);

        result.Issues.ShouldBeEmpty(string.Join("\n", result.Issues));
        result.Graph.Edges.Single(e => e.Type == EdgeType.Requires).Reach.ShouldBe(NeedReach.Class);
        var judgement = result.Graph.Nodes.Single(n => n.Id == "product:imaging-equipment").Assessments.ShouldHaveSingleItem();
        judgement.Basis.ShouldBe(AssessmentBasis.Read);
        judgement.Note.ShouldBe("升级换代 read as a base to upgrade");
        judgement.Context.ShouldHaveSingleItem().Quote.ShouldBe("等设备升级换代");
    }

    [Theory]
    [InlineData("type: REQUIRES, to: component:ct-tube, reach: class", "type: REQUIRES, to: component:ct-tube, reach: class, group: tube", "GROUP_OF_ONE")]
    [InlineData("{from: product:mri, type: VARIANT_OF", "{from: product:mri, type: USES_TECHNOLOGY, reach: class", "BAD_EDGE_KINDS")]
    public void A_class_need_keeps_the_rules_of_a_need(string find, string replace, string? code)
    {
        ClassGraph.ShouldContain(find);
        var result = LoadWith(ClassGraph.Replace(find, replace, StringComparison.Ordinal));

        if (code is null) result.Issues.ShouldBeEmpty(string.Join("\n", result.Issues));
        else result.Issues.ShouldContain(i => i.Code == code, string.Join("\n", result.Issues));
    }

    [Fact]
    public void A_class_need_on_a_node_whose_members_are_gone_is_reported()
    {
        var result = LoadWith(ClassGraph
            .Replace("  - {from: product:ct, type: VARIANT_OF, to: product:imaging-equipment, sources: [{section: 一, quote: CT}]}\n", "", StringComparison.Ordinal)
            .Replace("  - {from: product:mri, type: VARIANT_OF, to: product:imaging-equipment, sources: [{section: 一, quote: MRI}]}\n", "", StringComparison.Ordinal));

        result.Issues.ShouldContain(i => i.Code == "REACH_WITHOUT_MEMBERS", string.Join("\n", result.Issues));
    }

    [Fact]
    public void Context_from_another_plan_is_reported()
    {
        var result = LoadWith(ClassGraph.Replace("context: [{section: 一, quote: 等设备升级换代}]", "context: [{doc: document:other, section: 一, quote: 等设备升级换代}]", StringComparison.Ordinal));

        result.Issues.ShouldContain(i => i.Code == "BAD_VALUE" && i.Message.Contains("context", StringComparison.Ordinal), string.Join("\n", result.Issues));
    }

    [Fact]
    public void A_duplicate_name_within_a_kind_is_reported()
    {
        var yaml = ValidGraph.Replace("""
            edges:
            """, """
              - id: component:ct-tube-2
                nameZh: 大热容量球管
                nameEn: the same tube again
                type: PART
                sources:
                  - {section: 一, quote: 大热容量球管}
            edges:
            """, StringComparison.Ordinal);

        var result = LoadWith(yaml);

        result.Issues.ShouldContain(i => i.Code == "DUPLICATE_NAME" && i.Line == 20, string.Join("\n", result.Issues));
    }

    [Fact]
    public void A_duplicate_id_is_reported_where_it_is_declared_again()
    {
        var result = LoadWith(ValidGraph.Replace("""
            edges:
            """, """
              - id: component:ct-tube
                nameZh: 另一个球管
                nameEn: another tube
                type: PART
                sources:
                  - {section: 一, quote: 大热容量球管}
            edges:
            """, StringComparison.Ordinal));

        result.Issues.ShouldContain(i => i.Code == "DUPLICATE_ID" && i.Line == 20 && i.Message.Contains("plan.yaml:14"), string.Join("\n", result.Issues));
    }

    [Fact]
    public void An_edge_stated_in_two_files_is_one_edge_with_both_sources_but_twice_in_one_file_is_an_error()
    {
        var reader = new SeedReader();
        reader.ReadFile("documents.yaml", Documents);
        reader.ReadFile("plan.yaml", ValidGraph);
        reader.ReadFile("later.yaml", """
            document: document:plan
            edges:
              - {from: product:ct, type: REQUIRES, to: component:ct-tube, sources: [{section: 二, quote: 大热容量球管}]}
            extends:
              - {id: product:ct, aliases: [计算机断层成像], sources: [{section: 一, quote: CT}]}
            """);
        var merged = reader.BuildGraph();

        reader.Issues.ShouldBeEmpty();
        merged.Edges.ShouldHaveSingleItem().Sources.Select(s => s.Quote).ShouldBe(["关键部件：大热容量球管", "大热容量球管"]);
        var ct = merged.Nodes.Single(n => n.Id == "product:ct");
        ct.Aliases.ShouldBe(["计算机断层成像"]);
        ct.Sources.Count.ShouldBe(2);

        var twice = LoadWith(ValidGraph + "\n  - {from: product:ct, type: REQUIRES, to: component:ct-tube, sources: [{section: 二, quote: 大热容量球管}]}\n");
        twice.Issues.ShouldContain(i => i.Code == "DUPLICATE_EDGE", string.Join("\n", twice.Issues));
    }

    [Fact]
    public void Extending_an_undeclared_node_is_reported()
    {
        var result = LoadWith(ValidGraph + "\nextends:\n  - {id: product:nothing, sources: [{section: 一, quote: CT}]}\n");

        result.Issues.ShouldContain(i => i.Code == "UNKNOWN_NODE" && i.Line == 27, string.Join("\n", result.Issues));
    }

    [Theory]
    [InlineData("components:", "components:\n  - {id: component:lonely, nameZh: 孤件, nameEn: lonely, type: PART, sources: [{section: 一, quote: CT}]}", "NO_DEPENDENT")]
    [InlineData("products:", "products:\n  - {id: product:bare, nameZh: 空, nameEn: bare, field: IMAGING, sources: [{section: 一, quote: CT}]}", "NO_DEPENDENCY")]
    [InlineData("components:", "programs:\n  - {id: program:idle, nameZh: 闲, nameEn: idle, type: BASE, sources: [{section: 一, quote: CT}]}\ncomponents:", "COVERS_NOTHING")]
    public void A_node_left_alone_is_reported_unless_a_note_says_why(string find, string replace, string code)
    {
        var bare = LoadWith(ValidGraph.Replace(find, replace, StringComparison.Ordinal));
        bare.Issues.ShouldContain(i => i.Code == code, string.Join("\n", bare.Issues));

        var noted = LoadWith(ValidGraph.Replace(find, replace.Replace("sources:", "note: the plan names it alone, sources:", StringComparison.Ordinal), StringComparison.Ordinal));
        noted.Issues.ShouldBeEmpty();
    }

    [Fact]
    public void A_technology_only_a_program_targets_is_an_orphan_unless_a_note_says_why()
    {
        const string Orphan = """
              - {id: technology:lonely, nameZh: 孤技, nameEn: lonely, sources: [{section: 一, quote: CT}]}
            programs:
              - {id: program:p, nameZh: 计划, nameEn: plan program, type: BASE, sources: [{section: 一, quote: CT}]}
            """;
        var graph = ValidGraph
            .Replace("components:", "technologies:\n" + Orphan + "\ncomponents:", StringComparison.Ordinal)
            .Replace("edges:", "edges:\n  - {from: program:p, type: TARGETS, to: technology:lonely, sources: [{section: 一, quote: CT}]}", StringComparison.Ordinal);

        var bare = LoadWith(graph);
        bare.Issues.ShouldHaveSingleItem().Code.ShouldBe("ORPHAN", string.Join("\n", bare.Issues));

        var noted = LoadWith(graph.Replace("nameEn: lonely,", "nameEn: lonely, note: the plan names it for the program only,", StringComparison.Ordinal));
        noted.Issues.ShouldBeEmpty(string.Join("\n", noted.Issues));
    }

    [Fact]
    public void Two_judgements_from_one_plan_are_reported_unless_the_note_names_both()
    {
        var graph = ValidGraph.Replace(
            "      - {status: FOUNDATION, section: 一, quote: 推动具备一定基础的 CT}\n",
            "      - {status: FOUNDATION, section: 一, quote: 推动具备一定基础的 CT}\n      - {status: IMPORT_DEPENDENT, section: 一, quote: MRI 等设备升级换代}\n",
            StringComparison.Ordinal);
        graph.ShouldNotBe(ValidGraph);

        var bare = LoadWith(graph);
        bare.Issues.ShouldHaveSingleItem().Code.ShouldBe("TWO_JUDGEMENTS", string.Join("\n", bare.Issues));

        var noted = LoadWith(graph.Replace("    field: IMAGING\n", "    field: IMAGING\n    note: FOUNDATION is in force; IMPORT_DEPENDENT frames the list\n", StringComparison.Ordinal));
        noted.Issues.ShouldBeEmpty(string.Join("\n", noted.Issues));
    }

    [Fact]
    public void An_edge_between_the_wrong_kinds_is_reported()
    {
        var result = LoadWith(ValidGraph.Replace("type: REQUIRES", "type: TARGETS", StringComparison.Ordinal));

        result.Issues.ShouldContain(i => i.Code == "BAD_EDGE_KINDS", string.Join("\n", result.Issues));
    }

    [Theory]
    [InlineData("关键部件：大热容量球管，", "关键部件:大热容量球管,")]
    [InlineData("<p>主要指标：物理通道数≥ 128。</p>", "主要指标:物理通道数≥128。")]
    [InlineData("扫描层数 $\\geq 256$ 层, 像素$\\leq 160\\mu\\text{m}$", "扫描层数≥256层,像素≤160μm")]
    [InlineData("1. **影像设备。**鼓励", "1.影像设备。鼓励")]
    [InlineData("医疗装\n备产业", "医疗装备产业")]
    public void Folding_removes_whitespace_markup_and_width_differences(string text, string folded)
    {
        QuoteFolding.Fold(text).ShouldBe(folded);
    }

    [Fact]
    public void A_quote_is_shown_in_its_sentence_even_across_a_line_break()
    {
        const string text = "一、总则。推动具备一定基础的 CT、\nMRI 等设备升级换代。二、其他。";

        QuoteContext.Sentence(text, "CT、MRI").ShouldBe("推动具备一定基础的CT、MRI等设备升级换代。");
        QuoteContext.Sentence(text, "PET").ShouldBeNull();
    }
}
