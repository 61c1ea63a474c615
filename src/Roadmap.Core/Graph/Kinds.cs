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
