using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Traversal;

public sealed class NeedReachEnum : EnumerationGraphType<NeedReach>
{
    public NeedReachEnum()
    {
        Name = "NeedReach";
        Description = "Whom a need stated for a class binds: every member (each variant inherits it) or the class as a whole (typical of the class; no member inherits it).";
        this.Describe(NeedReach.EveryMember, "The plan states it for every member of the class: each VARIANT_OF the node needs it too. The default, and the only reach of a node without members.");
        this.Describe(NeedReach.Class, "The plan states it for the class as a whole (微流控芯片 for 体外诊断产品): the class depends on it, no member inherits it, and a gap in it puts the class AT_RISK, never BLOCKED.");
    }
}
