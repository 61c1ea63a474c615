using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ChangeDirectionEnum : EnumerationGraphType<ChangeDirection>
{
    public ChangeDirectionEnum()
    {
        Name = "ChangeDirection";
        Description = "Whether a node's judged status went up or down between two years, on the scale DOMESTIC_GAP (worst) to ADVANCED (best).";
        this.Describe(ChangeDirection.Improved, "The later judgement is better, e.g. IMPORT_DEPENDENT then BREAKTHROUGH.");
        this.Describe(ChangeDirection.Worsened, "The later judgement is worse, e.g. FOUNDATION then IMPORT_DEPENDENT.");
    }
}
