namespace Roadmap.Core.Editing;

/// <summary>What a change did to one node or edge.</summary>
public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}

public static class ChangeKinds
{
    public static ChangeKind Of<T>(Roadmap.Core.Graph.Change<T> change) where T : class =>
        change.Before is null ? ChangeKind.Created : change.After is null ? ChangeKind.Deleted : ChangeKind.Updated;
}
