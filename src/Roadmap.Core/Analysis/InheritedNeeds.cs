using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// One need a variant inherits: <see cref="Variant"/> is a VARIANT_OF (directly or through <see cref="Chain"/>)
/// <see cref="General"/>, which REQUIRES or USES_TECHNOLOGY <see cref="Need"/> because of <see cref="Edge"/>'s sources.
/// </summary>
public sealed record InheritedNeed(Node Variant, IReadOnlyList<Node> Chain, Node General, Edge Edge, Node Need);

/// <summary>
/// What each variant inherits through VARIANT_OF: the input of <c>roadmap audit variants</c>, so that a curator reads
/// every need a specific node gets from a general one with the clause that put it there, and can tell a need the plan
/// states for the whole class from one that belongs to a single member.
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
                    foreach (var need in needs[general.Id].OrderBy(e => e.To, StringComparer.Ordinal))
                    {
                        if (byId.TryGetValue(need.To, out var needed)) rows.Add(new InheritedNeed(variant, at.Chain, general, need, needed));
                    }
                    queue.Enqueue((general.Id, [.. at.Chain, general]));
                }
            }
        }
        return rows;
    }
}
