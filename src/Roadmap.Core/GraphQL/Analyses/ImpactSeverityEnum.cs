using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ImpactSeverityEnum : EnumerationGraphType<ImpactSeverity>
{
    public ImpactSeverityEnum()
    {
        Name = "ImpactSeverity";
        Description = "BLOCKED: a hard requirement, or every alternative of one, is in the gap set (a program: everything it covers is blocked). AT_RISK: affected, but an alternative remains.";
        this.Describe(ImpactSeverity.Blocked,
            "Cannot be had while the gaps last: a hard requirement is a gap or blocked, or every alternative of a group is; a variant whose general node is blocked by its needs; a program whose every target and sub-program is blocked.");
        this.Describe(ImpactSeverity.AtRisk,
            "Needs a gap somewhere down its chain, but an alternative or another covered item remains; also a variant of a node that is itself in the gap set.");
    }
}
