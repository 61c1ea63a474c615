namespace Roadmap.Core.Graph;

/// <summary>The five kinds of node in a roadmap graph.</summary>
public enum NodeKind { Technology, Component, Product, Program, Document }

/// <summary>Edge types. An edge points from the dependent to what it depends on.</summary>
public enum EdgeType
{
    /// <summary>A product or component needs a component (or a product used as a module).</summary>
    Requires,
    /// <summary>A product, component or technology is built with a technology.</summary>
    UsesTechnology,
    /// <summary>A specific variant points to its general node and inherits its needs.</summary>
    VariantOf,
    /// <summary>A program develops, funds, industrialises or demonstrates a technology, component or product.</summary>
    Targets,
    /// <summary>A program includes a sub-program (a plan's special column, a platform or base it sets up).</summary>
    Includes,
}

/// <summary>
/// Whom a need stated for a class binds. The plans speak of classes (体外诊断产品, 呼吸机, 高压发生器) as often as of
/// things, in two ways: a need every member has (a variant needs what its general node needs), and one typical of the
/// class as a whole (微流控芯片 for in vitro diagnostics), which some members have and none inherits as a hard need.
/// </summary>
public enum NeedReach
{
    /// <summary>The plan states it for every member: each variant inherits it. The default.</summary>
    EveryMember,
    /// <summary>The plan states it for the class as a whole: the class depends on it, no member inherits it.</summary>
    Class,
}

/// <summary>Whether a plan states a judgement in words, or the curation reads it from other wording.</summary>
public enum AssessmentBasis
{
    /// <summary>The plan says it: 依赖进口, 国内空白, 取得突破, 具备一定基础.</summary>
    Stated,
    /// <summary>The curation reads it from other wording (推动…升级换代); the assessment's note gives the reading.</summary>
    Read,
}

public enum ComponentType { Part, Material, Electronic, Software, Reagent }

public enum Field
{
    Imaging, InVitroDiagnostics, Therapy, ImplantIntervention, Biomaterial, MonitoringLifeSupport,
    Rehabilitation, TraditionalChineseMedicine, MaternalChildHealth, HealthProduct, General,
}

public enum ProgramType { SpecialProject, IndustrialisationPlan, DemonstrationProgram, Base, Platform, Centre, ActionPlan }

/// <summary>A plan's judgement of where China stands on a thing, from worst to best.</summary>
public enum AssessmentStatus { DomesticGap, ImportDependent, Foundation, Breakthrough, Advanced }

public enum Comparator { Lt, Lte, Gt, Gte, Eq, Between, Within }
