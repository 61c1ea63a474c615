using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// One need a variant inherits: <see cref="Variant"/> is a VARIANT_OF (directly or through <see cref="Chain"/>)
/// <see cref="General"/>, which REQUIRES or USES_TECHNOLOGY <see cref="Need"/> because of <see cref="Edge"/>'s sources.
/// </summary>
public sealed record InheritedNeed(Node Variant, IReadOnlyList<Node> Chain, Node General, Edge Edge, Node Need);

/// <summary>A need a plan states for <see cref="Class"/> as a whole, which none of its <see cref="MemberCount"/> members inherits.</summary>
public sealed record ClassNeed(Node Class, int MemberCount, Edge Edge, Node Need);

/// <summary>
/// What each variant inherits through VARIANT_OF, and what stays with a class: the input of <c>roadmap audit
/// variants</c>, so that a curator reads every need a specific node gets from a general one with the clause that put
/// it there, and every need the plan states for a class as a whole, and can tell the two apart.
/// </summary>
public static class InheritedNeeds
{
    /// <summary>Every inherited need of every variant, ordered by variant, then general node, then need.</summary>
    public static IReadOnlyList<InheritedNeed> Of(GraphData graph)
    {
        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var generals = graph.Edges.Where(e => e.Type == EdgeType.VariantOf).ToLookup(e => e.From, StringComparer.Ordinal);
        var needs = graph.Edges.Where(e => e.Type is EdgeType.Requires or EdgeType.UsesTechnology).ToLookup(e => e.From, StringComparer.Ordinal);
        var rows = new List<InheritedNeed>();
        foreach (var variant in graph.Nodes.Where(n => generals[n.Id].Any()).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            // Breadth-first up the VARIANT_OF edges, so each ancestor is reported once, by its shortest chain.
            var seen = new HashSet<string>(StringComparer.Ordinal) { variant.Id };
            var queue = new Queue<(string Id, List<Node> Chain)>([(variant.Id, [])]);
            while (queue.TryDequeue(out var at))
            {
                foreach (var up in generals[at.Id].OrderBy(e => e.To, StringComparer.Ordinal))
                {
                    if (!seen.Add(up.To) || !byId.TryGetValue(up.To, out var general)) continue;
                    // A need of the class as a whole stays with the class (ClassNeeds).
                    foreach (var need in needs[general.Id].Where(e => !e.IsClassNeed).OrderBy(e => e.To, StringComparer.Ordinal))
                    {
                        if (byId.TryGetValue(need.To, out var needed)) rows.Add(new InheritedNeed(variant, at.Chain, general, need, needed));
                    }
                    queue.Enqueue((general.Id, [.. at.Chain, general]));
                }
            }
        }
        return rows;
    }

    /// <summary>Every need stated for a class as a whole, ordered by class, then need, with how many members the class has.</summary>
    public static IReadOnlyList<ClassNeed> OfClasses(GraphData graph)
    {
        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var members = graph.Edges.Where(e => e.Type == EdgeType.VariantOf).GroupBy(e => e.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return graph.Edges.Where(e => e.IsClassNeed && byId.ContainsKey(e.From) && byId.ContainsKey(e.To))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
            .Select(e => new ClassNeed(byId[e.From], members.GetValueOrDefault(e.From), e, byId[e.To]))
            .ToList();
    }
}
