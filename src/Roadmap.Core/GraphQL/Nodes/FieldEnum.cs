using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class FieldEnum : EnumerationGraphType<Field>
{
    public FieldEnum()
    {
        Name = "Field";
        Description = "The medical field a product or technology belongs to.";
        this.Describe(Field.Imaging, "Medical imaging: X-ray, CT, MRI, ultrasound, nuclear medicine (PET, SPECT), endoscopy and image analysis.");
        this.Describe(Field.InVitroDiagnostics, "In-vitro diagnostics: laboratory analysers, gene sequencing, point-of-care testing.");
        this.Describe(Field.Therapy, "Therapy: radiotherapy, surgical robots and surgery, treatment planning.");
        this.Describe(Field.ImplantIntervention, "Implantable and interventional devices, active implants such as brain stimulators, and the instruments that go with them.");
        this.Describe(Field.Biomaterial, "Biomedical materials and tissue engineering: repair and replacement materials, engineered tissues and organs.");
        this.Describe(Field.MonitoringLifeSupport, "Monitoring, emergency care and life support: patient monitors, ECG interpretation, rescue equipment.");
        this.Describe(Field.Rehabilitation, "Rehabilitation, assistive devices and elderly care: prostheses and orthoses, human-machine and neural interfaces.");
        this.Describe(Field.TraditionalChineseMedicine, "Traditional Chinese medicine (TCM): diagnosis and treatment equipment, pulse and acupoint instruments.");
        this.Describe(Field.MaternalChildHealth, "Maternal and child health: pregnancy and postpartum care, neonatal intensive care, child health care.");
        this.Describe(Field.HealthProduct, "Health products outside the clinic: mobile health sensing, fitness equipment, personal health intervention.");
        this.Describe(Field.General, "Cross-cutting, of no one field: artificial intelligence, big data, testing and metrology, reliability engineering.");
    }
}
