namespace Roadmap.Core.Graph;

/// <summary>A node or edge before and after a change: null before means created, null after means deleted.</summary>
public sealed record Change<T>(T? Before, T? After) where T : class;

/// <summary>
/// What one mutation does, worked out against the current graph before anything is written: the store commits
/// it to the file and to memory as one unit, and the audit log records each change with its before and after.
/// </summary>
public sealed record GraphEdit(string Operation, IReadOnlyList<Change<Node>> Nodes, IReadOnlyList<Change<Edge>> Edges);

