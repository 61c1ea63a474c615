using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Plans;

/// <summary>A name found in a text: where, how long, and the nodes (existing or proposed) it names.</summary>
public readonly record struct NameMatch(int Start, int Length, string Name, IReadOnlyList<string> Ids);

/// <summary>
/// The graph's names (nameZh and aliases of technologies, components, products and programs, folded as quotes are) and
/// the names proposed for new nodes, found in a text by longest match: a term inside a longer known name is not a
/// separate mention, and a Latin abbreviation (CT) is not found inside a longer Latin word.
/// </summary>
public sealed class PlanVocabulary
{
    private readonly Dictionary<string, List<string>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeKind> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nameEn = new(StringComparer.Ordinal);
    private int _maxLength;

    public PlanVocabulary(GraphIndex graph)
    {
        foreach (var node in graph.Nodes)
        {
            if (node.Kind == NodeKind.Document) continue;
            _kinds[node.Id] = node.Kind;
            _nameEn[node.Id] = node.NameEn;
            foreach (var name in node.Aliases.Prepend(node.NameZh)) Add(name, node.Id);
        }
    }

    public void Add(string name, string id)
    {
        var folded = QuoteFolding.Fold(name);
        if (folded.Length < 2) return;
        if (!_names.TryGetValue(folded, out var ids)) _names[folded] = ids = [];
        if (!ids.Contains(id)) ids.Add(id);
        _maxLength = Math.Max(_maxLength, folded.Length);
    }

    public void AddKind(string id, NodeKind kind) => _kinds[id] = kind;

    public NodeKind? KindOf(string id) => _kinds.TryGetValue(id, out var kind) ? kind : null;

    /// <summary>The nodes a whole name names exactly, or none.</summary>
    public IReadOnlyList<string> Named(string name) => _names.TryGetValue(QuoteFolding.Fold(name), out var ids) ? ids : [];

    /// <summary>Every known name, for the duplicate check.</summary>
    public IEnumerable<KeyValuePair<string, List<string>>> Names => _names;

    public IEnumerable<NameMatch> Find(string text)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            var found = false;
            for (var length = Math.Min(_maxLength, text.Length - i); length >= 2; length--)
            {
                if (!lookup.TryGetValue(text.AsSpan(i, length), out var ids)) continue;
                if (IsLatin(text[i]) && i > 0 && IsLatin(text[i - 1])) break;
                if (IsLatin(text[i + length - 1]) && i + length < text.Length && IsLatin(text[i + length])) continue;
                yield return new NameMatch(i, length, text.Substring(i, length), ids);
                i += length;
                found = true;
                break;
            }
            if (!found) i++;
        }
    }

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);
}
