using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>
/// One mutation's input: the role it needs and the edit it plans. The single mutations and applyChanges share it,
/// so a change in a change set is checked exactly as the mutation of its name.
/// </summary>
public interface IChangeInput
{
    /// <summary>The role the change needs (Roles.Editor or Roles.Admin).</summary>
    string Role { get; }

    /// <summary>The edit against this graph, or a <see cref="Errors.RoadmapException"/> with the refusal's code.</summary>
    GraphEdit Plan(GraphIndex graph);
}
