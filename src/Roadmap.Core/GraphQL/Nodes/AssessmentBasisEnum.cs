using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class AssessmentBasisEnum : EnumerationGraphType<AssessmentBasis>
{
    public AssessmentBasisEnum()
    {
        Name = "AssessmentBasis";
        Description = "Whether the plan states a judgement in words or the curation reads it from other wording.";
        this.Describe(AssessmentBasis.Stated, "The clause says it in words: 依赖进口, 国内空白, 取得突破, 具备一定基础.");
        this.Describe(AssessmentBasis.Read, "The curation reads the status from other wording (推动…升级换代 read as FOUNDATION); the assessment's note gives the reading. `roadmap audit judgements` lists them for review.");
    }
}
