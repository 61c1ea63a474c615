using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Roadmap.Core.Telemetry;

namespace Roadmap.Tests.Core.Telemetry;

/// <summary>docs/observability.md names every instrument of the Roadmap meter, and no other.</summary>
public partial class MetricCatalogueTests
{
    [Fact]
    public void The_documented_metrics_are_the_meters_instruments()
    {
        var instruments = new SortedSet<string>(StringComparer.Ordinal);
        using (var listener = new MeterListener())
        {
            // Publishing replays every instrument created so far; touching the meter first makes sure its static ones exist.
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter == RoadmapTelemetry.Meter) instruments.Add(instrument.Name);
            };
            listener.Start();
        }
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "observability.md"));
        var section = text[text.IndexOf("\n## Metrics", StringComparison.Ordinal)..text.IndexOf("\n## `/metrics`", StringComparison.Ordinal)];
        var documented = new SortedSet<string>(DottedName().Matches(section).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

        instruments.ShouldNotBeEmpty();
        documented.ShouldBe(instruments, "docs/observability.md's metrics table (the dotted OTLP names in brackets) and RoadmapTelemetry's instruments differ");
    }

    [GeneratedRegex(@"`(roadmap\.[a-z_.]+)`")]
    private static partial Regex DottedName();
}
