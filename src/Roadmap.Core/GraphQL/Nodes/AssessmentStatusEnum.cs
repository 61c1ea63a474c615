using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class AssessmentStatusEnum : EnumerationGraphType<AssessmentStatus>
{
    public AssessmentStatusEnum()
    {
        Name = "AssessmentStatus";
        Description = "A plan's judgement, worst to best: DOMESTIC_GAP (国内空白), IMPORT_DEPENDENT (依赖进口), FOUNDATION (具备一定基础), BREAKTHROUGH (取得突破), ADVANCED (达到国际先进水平).";
        this.Describe(AssessmentStatus.DomesticGap, "国内空白: nothing is made in China yet. The worst status; impact(assumeGaps: true) counts it as a gap.");
        this.Describe(AssessmentStatus.ImportDependent, "依赖进口, 受制于人: dependent on imports. impact(assumeGaps: true) counts it as a gap.");
        this.Describe(AssessmentStatus.Foundation, "具备一定基础, 升级换代: some domestic capability, to be built up or upgraded.");
        this.Describe(AssessmentStatus.Breakthrough, "取得突破, 成功国产化: a domestic breakthrough, now made in China.");
        this.Describe(AssessmentStatus.Advanced, "达到国际先进水平: at the international advanced level. The best status.");
    }
}
