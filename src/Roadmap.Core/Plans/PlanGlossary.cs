namespace Roadmap.Core.Plans;

/// <summary>
/// The suggested English of the plans' recurring terms, as the "Names in English" table of seeds/README.md gives it,
/// so that a proposed node is named as a curator would name it. A term given with its abbreviation (磁共振成像系统 (MRI))
/// is found with and without it.
/// </summary>
public static class PlanGlossary
{
    private static readonly (string Zh, string En)[] Table =
    [
        ("数字X射线成像系统(DR)", "digital radiography (DR) system"),
        ("动态平板探测器", "dynamic flat-panel detector"),
        ("光子计数探测器", "photon-counting detector"),
        ("闪烁晶体", "scintillation crystal"),
        ("闪烁体", "scintillator"),
        ("数字减影血管造影X线机(DSA)", "digital subtraction angiography (DSA) system"),
        ("彩色超声诊断设备", "colour Doppler ultrasound system"),
        ("彩超", "colour Doppler ultrasound system"),
        ("数字化波束合成", "digital beamforming"),
        ("造影剂谐波成像", "contrast harmonic imaging"),
        ("剪切波弹性成像", "shear-wave elastography"),
        ("单晶探头", "single-crystal probe"),
        ("二维面阵探头", "2D matrix-array probe"),
        ("计算机断层成像(CT)", "computed tomography (CT)"),
        ("螺旋CT", "helical CT"),
        ("球管", "X-ray tube"),
        ("CT球管", "CT X-ray tube"),
        ("X射线管", "CT X-ray tube"),
        ("大热容量球管", "high-heat-capacity X-ray tube"),
        ("旋转靶盘", "rotating anode target"),
        ("真空高温轴承", "vacuum high-temperature bearing"),
        ("滑环", "slip ring"),
        ("高压发生器", "high-voltage generator"),
        ("弥散强化无氧铜", "dispersion-strengthened oxygen-free copper"),
        ("钼钛锆合金", "titanium-zirconium-molybdenum (TZM) alloy"),
        ("磁共振成像系统(MRI)", "magnetic resonance imaging (MRI) system"),
        ("超导磁体", "superconducting magnet"),
        ("零液氦挥发超导磁体", "zero-boil-off superconducting magnet"),
        ("全数字化谱仪", "fully digital spectrometer (MR console)"),
        ("多核谱仪", "multinuclear spectrometer"),
        ("高温超导射频线圈", "high-temperature-superconducting RF coil"),
        ("低温线圈", "cryogenic coil"),
        ("梯度放大器", "gradient amplifier"),
        ("射频功率放大器", "RF power amplifier"),
        ("成像序列", "imaging (pulse) sequence"),
        ("正电子发射断层成像(PET)", "positron emission tomography (PET)"),
        ("PET-CT", "PET-CT"),
        ("PET-MRI", "PET-MRI"),
        ("单光子发射计算机断层成像(SPECT)", "single-photon emission computed tomography (SPECT)"),
        ("多模态分子影像", "multimodal molecular imaging"),
        ("超分辨显微成像", "super-resolution microscopy"),
        ("大数值孔径物镜", "high-numerical-aperture objective"),
        ("大面阵CMOS探测器", "large-format CMOS detector"),
        ("内窥镜", "endoscope"),
        ("电子内窥镜", "video endoscope"),
        ("超声内窥镜", "endoscopic ultrasound (EUS) system"),
        ("复合内窥镜", "hybrid endoscope"),
        ("冷光源", "cold light source"),
        ("光纤传像束", "fibre-optic image bundle"),
        ("血管内超声", "intravascular ultrasound (IVUS)"),
        ("即时检验(POCT)", "point-of-care testing (POCT)"),
        ("化学发光免疫分析仪", "chemiluminescence immunoassay analyser"),
        ("全实验室自动化检验分析流水线(TLA)", "total laboratory automation (TLA) line"),
        ("基因测序仪", "gene sequencer"),
        ("单分子测序", "single-molecule sequencing"),
        ("数字PCR", "digital PCR"),
        ("实时荧光定量PCR", "real-time quantitative PCR (qPCR)"),
        ("光电倍增管", "photomultiplier tube (PMT)"),
        ("流式细胞仪", "flow cytometer"),
        ("质谱仪", "mass spectrometer"),
        ("微流控芯片", "microfluidic chip"),
        ("医用直线加速器", "medical linear accelerator (linac)"),
        ("加速管", "accelerating waveguide"),
        ("影像引导放射治疗", "image-guided radiotherapy (IGRT)"),
        ("容积调强", "volumetric modulated arc therapy (VMAT)"),
        ("电动多叶光栅(MLC)", "motorised multi-leaf collimator (MLC)"),
        ("治疗计划系统(TPS)", "treatment planning system (TPS)"),
        ("六维治疗床", "six-degree-of-freedom treatment couch"),
        ("栅控三级电子枪", "gridded triode electron gun"),
        ("磁控管", "magnetron"),
        ("多注速调管", "multi-beam klystron"),
        ("固态调制器", "solid-state modulator"),
        ("手术机器人", "surgical robot"),
        ("减速机", "precision reducer"),
        ("精密电机", "precision motor"),
        ("透析器", "dialyser"),
        ("透析膜", "dialysis membrane"),
        ("灌流器", "haemoperfusion cartridge"),
        ("连续性血液净化设备(CRRT)", "continuous renal replacement therapy (CRRT) equipment"),
        ("呼吸机", "ventilator"),
        ("比例阀", "proportional valve"),
        ("经鼻高流量氧疗仪", "high-flow nasal cannula (HFNC) oxygen therapy device"),
        ("体外膜肺氧合机(ECMO)", "extracorporeal membrane oxygenation (ECMO) system"),
        ("中空纤维膜", "hollow-fibre membrane"),
        ("心室辅助装置", "ventricular assist device (VAD)"),
        ("人工心脏", "artificial heart"),
        ("心脏起搏器", "cardiac pacemaker"),
        ("人工耳蜗", "cochlear implant"),
        ("神经刺激器", "neurostimulator"),
        ("脑起搏器", "deep brain stimulator (DBS)"),
        ("全降解冠脉支架", "fully bioresorbable coronary scaffold"),
        ("心脏瓣膜", "heart valve"),
        ("肾动脉射频消融导管", "renal denervation radiofrequency ablation catheter"),
        ("聚焦超声治疗系统", "focused ultrasound therapy system"),
        ("纳米刀", "irreversible electroporation (nanoknife) system"),
        ("先进基础材料", "advanced base materials"),
        ("核心元器件", "core electronic components"),
        ("关键零部件", "key parts"),
        ("核心部件", "core components"),
        ("镍钛", "nickel-titanium (nitinol)"),
        ("钛铌", "titanium-niobium"),
        ("钽基合金", "tantalum-based alloy"),
        ("无铅压电材料", "lead-free piezoelectric material"),
        ("模拟芯片", "analogue front-end chip"),
        ("模数转换芯片", "analogue-to-digital converter (ADC) chip"),
        ("系统级芯片", "system-on-chip (SoC)"),
        ("重点专项", "key special project"),
        ("重点研发计划", "National Key R&D Program"),
        ("应用示范基地", "application demonstration base"),
        ("临床评价中心", "clinical evaluation centre"),
        ("共性技术平台", "common technology platform"),
        ("十百千万工程", "\"Ten-Hundred-Thousand-Ten-Thousand\" Innovative Medical Device Application Demonstration Program"),
    ];

    private static readonly Dictionary<string, string> Terms = Build();

    /// <summary>The English of a term (folded as quotes are), or null when the table does not give it.</summary>
    public static string? English(string nameZh) => Terms.GetValueOrDefault(Seeds.QuoteFolding.Fold(nameZh));

    private static Dictionary<string, string> Build()
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (zh, en) in Table)
        {
            var folded = Seeds.QuoteFolding.Fold(zh);
            terms.TryAdd(folded, en);
            var paren = folded.IndexOf('(', StringComparison.Ordinal);
            if (paren > 0) terms.TryAdd(folded[..paren], en);
        }
        return terms;
    }
}
