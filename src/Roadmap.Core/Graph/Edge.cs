namespace Roadmap.Core.Graph;

/// <summary>A dependency with the clauses that state it.</summary>
/// <param name="From">The id of the node that depends.</param>
/// <param name="Type">What kind of dependency it is.</param>
/// <param name="To">The id of the node depended on.</param>
/// <param name="Sources">The clauses of the plans that state it.</param>
/// <param name="Group">
/// Names an alternative group: the edges of one node with the same group are alternatives (a CCD or a CMOS
/// sensor), and the requirement holds while any one of them is available. Null for a hard requirement.
/// </param>
/// <param name="Reach">
/// For a need of a class (a node with VARIANT_OF members): whether the plan states it for every member, which every
/// variant then inherits, or for the class as a whole, which no member inherits as a hard need (see <see cref="NeedReach"/>).
/// </param>
public sealed record Edge(string From, EdgeType Type, string To, IReadOnlyList<Source> Sources, string? Group = null, NeedReach Reach = NeedReach.EveryMember)
{
    /// <summary>A need the plan states for a class as a whole: it does not pass down VARIANT_OF to the members.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsClassNeed => Reach == NeedReach.Class;

    /// <summary>Starts at 1 and goes up with every change made through the API.</summary>
    public int Version { get; init; } = 1;

    [System.Text.Json.Serialization.JsonIgnore]
    public EdgeKey Key => new(From, Type, To);
}

/// <summary>
/// What identifies an edge: there is at most one edge of a type between two nodes. Written <c>from -TYPE-&gt; to</c>,
/// which is the edge's GraphQL id and its target in the audit log.
/// </summary>
public readonly record struct EdgeKey(string From, EdgeType Type, string To)
{
    public override string ToString() => $"{From} -{EnumNames.ToConstant(Type)}-> {To}";

    /// <summary>Reads what <see cref="ToString"/> writes (ids have no spaces); false for anything else.</summary>
    public static bool TryParse(string text, out EdgeKey key)
    {
        key = default;
        var parts = text.Split(' ');
        if (parts is not [{ Length: > 0 } from, ['-', .. var middle, '-', '>'], { Length: > 0 } to]) return false;
        if (!EnumNames.TryParse<EdgeType>(middle, out var type)) return false;
        key = new EdgeKey(from, type, to);
        return true;
    }
}
