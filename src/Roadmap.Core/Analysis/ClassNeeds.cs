using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// The one rule every walk keeps for a need a plan states for a class as a whole (<see cref="NeedReach.Class"/>):
/// no member inherits it. In a chain read forward, a VARIANT_OF step is never followed by a class-wide need: a member
/// reaches its general node's needs of every member, not the class's own. Walking forward, a node reached only as
/// someone's general node (by VARIANT_OF) does not pass on its class-wide needs; walking backward, a node reached only
/// through a class-wide need does not pass the hit on to its members. Dependencies, dependents, impact, blockers, the
/// bottleneck ranking and paths all ask here, so that they agree.
/// </summary>
public static class ClassNeeds
{
    /// <summary>
    /// Whether reaching a node by <paramref name="edge"/>, walking in <paramref name="direction"/>, limits where the
    /// walk may go on from it (see <see cref="MayLeave"/>). A node reached once without limit is not limited.
    /// </summary>
    public static bool Limits(GraphIndex graph, int edge, Direction direction) =>
        graph.ClassNeedCount > 0 && (direction == Direction.Forward ? graph.TypeOf(edge) == EdgeType.VariantOf : graph.IsClassNeed(edge));

    /// <summary>Whether a walk may go on along <paramref name="edge"/> from a node it reached with a limit.</summary>
    public static bool MayLeave(GraphIndex graph, int edge, Direction direction) =>
        direction == Direction.Forward ? !graph.IsClassNeed(edge) : graph.TypeOf(edge) != EdgeType.VariantOf;

    /// <summary>Whether a chain may take <paramref name="second"/> right after <paramref name="first"/>, both read forward.</summary>
    public static bool Joins(GraphIndex graph, int first, int second) =>
        !(graph.TypeOf(first) == EdgeType.VariantOf && graph.IsClassNeed(second));

    /// <summary>
    /// The bookkeeping of a breadth-first walk over states: a node reached with a limit (<see cref="Limits"/>) and
    /// without one are two states, walked apart, so that a node reached first with a limit and later without one goes
    /// on along what its limit held back at the later chain's depth, and every depth and chain is one the rule allows.
    /// Kept per state: its depth and the edge and state it was reached from; per node: the order first reached, and
    /// its first state. The walk itself (which edges a state takes) is the caller's; <see cref="Visit"/> records what
    /// it reaches. A graph without class-wide needs has one state a node, and the walk costs what a plain one does.
    /// </summary>
    internal sealed class States : IDisposable
    {
        private readonly NodeMarks _depth;
        private readonly NodeMarks _via;
        private readonly NodeMarks _parent;
        private readonly NodeMarks _first;
        private readonly int _stride;

        public States(GraphIndex graph)
        {
            _stride = graph.ClassNeedCount > 0 ? 2 : 1;
            Size = _stride * graph.NodeCount;
            _depth = NodeMarks.Rent(Size);
            _via = NodeMarks.Rent(Size);
            _parent = NodeMarks.Rent(Size);
            _first = NodeMarks.Rent(graph.NodeCount);
        }

        /// <summary>How many states there can be: the size of a per-state mark.</summary>
        public int Size { get; }

        public int NodeOf(int state) => state / _stride;

        public bool IsLimited(int state) => state % _stride == 1;

        /// <summary>The states in the order reached: the queue of the walk.</summary>
        public List<int> Order { get; } = [];

        /// <summary>The nodes in the order first reached, each once.</summary>
        public List<int> Nodes { get; } = [];

        public int Depth(int state) => _depth.Get(state);

        /// <summary>The edge a state was reached by; -1 for a start.</summary>
        public int Via(int state) => _via.Get(state);

        public bool Reached(int node) => _first.Has(node);

        /// <summary>The state a node was first reached in: its depth and edge are the node's.</summary>
        public int FirstState(int node) => _first.Get(node);

        /// <summary>Starts the walk at a node, unlimited, at depth 0; returns its state.</summary>
        public int Start(int node)
        {
            var state = node * _stride;
            if (_depth.Has(state)) return state;
            Record(state, 0, -1, -1);
            return state;
        }

        /// <summary>Records reaching <paramref name="node"/> from <paramref name="from"/> by <paramref name="edge"/>; its state when new, else -1.</summary>
        public int Visit(int from, int edge, int node, bool limited)
        {
            var state = node * _stride + (limited ? 1 : 0);
            if (_depth.Has(state)) return -1;
            Record(state, _depth.Get(from) + 1, edge, from);
            return state;
        }

        /// <summary>The edges from a state back to its start, nearest first: a chain the rule allows.</summary>
        public List<int> Chain(int state)
        {
            var edges = new List<int>(_depth.Get(state));
            for (var at = state; _via.Get(at) >= 0; at = _parent.Get(at)) edges.Add(_via.Get(at));
            return edges;
        }

        private void Record(int state, int depth, int edge, int parent)
        {
            _depth.Set(state, depth);
            _via.Set(state, edge);
            _parent.Set(state, parent);
            Order.Add(state);
            var node = NodeOf(state);
            if (_first.Has(node)) return;
            _first.Set(node, state);
            Nodes.Add(node);
        }

        public void Dispose()
        {
            _depth.Dispose();
            _via.Dispose();
            _parent.Dispose();
            _first.Dispose();
        }
    }
}
