using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class ComponentTypeEnum : EnumerationGraphType<Graph.ComponentType>
{
    public ComponentTypeEnum()
    {
        Name = "ComponentType";
        Description = "What sort of core component: a part, a material, an electronic component or chip, software, or a reagent.";
        this.Describe(Graph.ComponentType.Part, "A part, module or sub-assembly, such as an X-ray tube, a superconducting magnet or an ultrasound probe: a key component (关键部件) that is none of the other types.");
        this.Describe(Graph.ComponentType.Material, "A material, such as a dialysis membrane or nitinol wire and tube.");
        this.Describe(Graph.ComponentType.Electronic, "An electronic component or chip (元器件, 芯片), such as a CMOS image sensor, a force sensor or an ADC chip for X-ray detectors.");
        this.Describe(Graph.ComponentType.Software, "Software, such as diagnostic analysis software or a mass-spectrometry data analysis library.");
        this.Describe(Graph.ComponentType.Reagent, "A reagent or reference material, such as sequencing reagents, quality-control materials or an isotope internal standard.");
    }
}
