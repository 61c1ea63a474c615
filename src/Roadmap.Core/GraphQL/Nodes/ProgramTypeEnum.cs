using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class ProgramTypeEnum : EnumerationGraphType<Graph.ProgramType>
{
    public ProgramTypeEnum()
    {
        Name = "ProgramType";
        Description = "What sort of deployment program.";
        this.Describe(Graph.ProgramType.SpecialProject, "The National Key R&D Program or one of its key special projects (重点专项).");
        this.Describe(Graph.ProgramType.IndustrialisationPlan, "An industry or industrialisation plan, such as the 14th Five-Year Plan for the Medical Equipment Industry.");
        this.Describe(Graph.ProgramType.DemonstrationProgram, "An application demonstration (示范): putting domestic or innovative equipment to clinical or regional use.");
        this.Describe(Graph.ProgramType.Base, "A base (基地) a plan sets up, such as a demonstration application base or an S&T industry base.");
        this.Describe(Graph.ProgramType.Platform, "A platform (平台) a plan sets up, such as a big-data, service, innovation or evaluation platform.");
        this.Describe(Graph.ProgramType.Centre, "A centre (中心) a plan sets up, such as a clinical research, technology innovation or clinical evaluation centre.");
        this.Describe(Graph.ProgramType.ActionPlan, "A plan taken as a program, or one of its columns (专栏) of tasks, such as Column 2: High-end Medical Devices.");
    }
}
