namespace Roadmap.Core.Graph;

/// <summary>Which way a traversal follows edges: forward is "what X needs", backward is "what needs X".</summary>
public enum Direction { Forward, Backward }
