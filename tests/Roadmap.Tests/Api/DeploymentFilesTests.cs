using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;
using YamlDotNet.RepresentationModel;

namespace Roadmap.Tests.Api;

/// <summary>
/// What a user of <c>docker compose up</c> relies on, read from docker-compose.yml and src/Roadmap.Api/Dockerfile
/// (no Docker engine runs here): the API on the port the docs give, Neo4j's HTTP port open and checked for health,
/// the seeds imported before the API starts, the API configured for Neo4j, and the image not running as root.
/// </summary>
public partial class DeploymentFilesTests
{
    private static readonly YamlMappingNode Compose = LoadCompose();

    private static readonly Dockerfile Image = Dockerfile.Read(Path.Combine(Repo.Root, "src", "Roadmap.Api", "Dockerfile"));

    [GeneratedRegex(@"docker compose up[^\n]*?https?://(?:localhost|127\.0\.0\.1):(?<port>\d+)")]
    private static partial Regex ComposeAddressInDocs();

    [Fact]
    public void The_api_is_published_on_the_port_the_docs_give_and_reaches_the_port_the_image_listens_on()
    {
        var documented = Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md").Prepend("README.md")
            .SelectMany(f => ComposeAddressInDocs().Matches(File.ReadAllText(Path.Combine(Repo.Root, f))))
            .Select(m => int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var listening = ListeningPort(Environment(Service("api")));

        documented.ShouldHaveSingleItem("README.md and docs/*.md should give one address for `docker compose up`");
        Ports(Service("api")).ShouldContain((documented[0], listening),
            $"the API should be published on {documented[0]}, as the docs say, to the port {listening} it listens on in the image");
    }

    [Fact]
    public void The_neo4j_image_is_pinned_to_a_version_the_client_accepts()
    {
        var image = Scalar(Service("neo4j"), "image");

        image.ShouldStartWith("neo4j:");
        var version = Neo4jQueryClient.ParseVersion(image["neo4j:".Length..]);
        version.ShouldNotBeNull($"{image} should name a major.minor version, not a moving tag such as neo4j:5");
        version.ShouldBeGreaterThanOrEqualTo(Neo4jQueryClient.MinimumServerVersion);
    }

    [Fact]
    public void Neo4j_publishes_its_http_port_7474_where_the_default_neo4j_url_looks_and_the_services_use_it()
    {
        var neo4j = Service("neo4j");
        var defaultUrl = new Uri(new Neo4jOptions().Url);

        Ports(neo4j).ShouldContain((defaultUrl.Port, 7474), "the HTTP port (the Query API) should be published where an API run on the host looks by default");
        foreach (var name in new[] { "api", "loader" })
        {
            var url = new Uri(Bind<Neo4jOptions>(Service(name), Neo4jOptions.Section).Url);
            (url.Host, url.Port).ShouldBe(("neo4j", 7474), $"{name} should reach Neo4j's HTTP port inside the compose network");
        }
    }

    [Fact]
    public void Neo4j_has_a_healthcheck_and_the_loader_waits_until_it_is_healthy()
    {
        var healthcheck = Child(Service("neo4j"), "healthcheck") as YamlMappingNode;

        healthcheck.ShouldNotBeNull("neo4j has no healthcheck");
        (Child(healthcheck, "disable") as YamlScalarNode)?.Value.ShouldNotBe("true");
        var test = Child(healthcheck, "test") switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(c => c.ToString()).ToList(),
            YamlScalarNode scalar => [scalar.Value!],
            _ => [],
        };
        test.ShouldNotBeEmpty();
        test[0].ShouldNotBe("NONE");
        if (test[0] is "CMD" or "CMD-SHELL") test.Count.ShouldBeGreaterThan(1, "the healthcheck runs nothing");
        DependsOn(Service("loader")).ShouldContainKeyAndValue("neo4j", "service_healthy");
    }

    [Fact]
    public void Neo4j_keeps_its_data_in_a_named_volume()
    {
        var volumes = (Child(Compose, "volumes") as YamlMappingNode)?.Children.Keys.Select(k => k.ToString()).ToList() ?? [];

        var data = Sequence(Service("neo4j"), "volumes").Select(v => v.Split(':')).Where(v => v.Length >= 2 && v[1] == "/data").ToList();

        data.ShouldHaveSingleItem("neo4j should mount a volume at /data");
        volumes.ShouldContain(data[0][0], "the volume at /data should be a named volume, declared under volumes:");
    }

    [Fact]
    public void The_loader_imports_the_images_seeds_into_neo4j_and_completes_before_the_api_starts()
    {
        var command = Sequence(Service("loader"), "entrypoint").Concat(Sequence(Service("loader"), "command")).ToList();

        string.Join(' ', command).ShouldContain("import --target neo4j");
        var seeds = command.IndexOf("--seeds") is var i and >= 0 ? command[i + 1] : null;
        seeds.ShouldNotBeNull("the loader should name the seeds it imports");
        Image.FinalStage.Where(x => x.Keyword == "COPY").Select(x => x.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).ShouldContain(seeds);
        DependsOn(Service("api")).ShouldContainKeyAndValue("loader", "service_completed_successfully");
    }

    [Fact]
    public void The_api_is_configured_for_the_neo4j_store()
    {
        Bind<StoreOptions>(Service("api"), StoreOptions.Section).Provider.ShouldBe(StoreProvider.Neo4j);
    }

    [Fact]
    public void The_api_and_the_loader_run_the_runtime_stage_of_the_dockerfile_these_tests_read()
    {
        foreach (var name in new[] { "api", "loader" })
        {
            var build = (Child(Service(name), "build") as YamlMappingNode).ShouldNotBeNull($"{name} should be built from the repository");
            Path.GetFullPath(Path.Combine(Repo.Root, Scalar(build, "context") ?? ".", Scalar(build, "dockerfile") ?? "Dockerfile"))
                .ShouldBe(Path.Combine(Repo.Root, "src", "Roadmap.Api", "Dockerfile"));
        }
        Image.Instructions.Count(x => x.Keyword == "FROM").ShouldBeGreaterThan(1, "a single stage would ship the SDK");
        Image.FinalStage[0].Arguments.ShouldNotContain("/dotnet/sdk");
    }

    [Fact]
    public void The_collector_is_optional_and_receives_otlp_where_the_api_can_be_pointed()
    {
        var collector = Service("otel-collector");

        Sequence(collector, "profiles").ShouldNotBeEmpty("the collector should start only with its profile");
        DependsOn(Service("api")).ShouldNotContainKey("otel-collector");
        Environment(Service("api"))["OTEL_EXPORTER_OTLP_ENDPOINT"].ShouldBe("${OTEL_EXPORTER_OTLP_ENDPOINT:-}", "without the variable the API should export nothing");
        var mount = Sequence(collector, "volumes").Select(v => v.Split(':')).ShouldHaveSingleItem();
        var config = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(Repo.Root, mount[0])))
        {
            config.Load(reader);
        }
        var root = (YamlMappingNode)config.Documents[0].RootNode;
        var otlp = (YamlMappingNode)((YamlMappingNode)Child((YamlMappingNode)Child(root, "receivers")!, "otlp")!)["protocols"];
        Scalar((YamlMappingNode)Child(otlp, "grpc")!, "endpoint").ShouldEndWith(":4317");
        Ports(collector).ShouldContain((4317, 4317));
        string.Join(' ', Sequence(collector, "command")).ShouldContain(mount[1]);
    }

    [Fact]
    public void The_image_runs_as_an_unprivileged_user()
    {
        var user = Image.FinalStage.Where(x => x.Keyword == "USER").Select(x => x.Arguments).LastOrDefault();
        user.ShouldNotBeNull("the final stage has no USER, so the container runs as root");

        var name = user.Split(':')[0];
        // $APP_UID is the unprivileged user (1654) that Microsoft's .NET 8 and later images define.
        if (name is "$APP_UID" or "${APP_UID}")
        {
            Image.FinalStage[0].Arguments.ShouldMatch(@"^mcr\.microsoft\.com/dotnet/(aspnet|runtime|runtime-deps|sdk):([89]|[1-9][0-9])\.");
            Image.FinalStage.ShouldNotContain(x => (x.Keyword == "ENV" || x.Keyword == "ARG") && x.Arguments.StartsWith("APP_UID", StringComparison.Ordinal));
        }
        else
        {
            name.ShouldNotBeOneOf("root", "0");
        }
    }

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, "docker-compose.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static YamlMappingNode Service(string name) =>
        (Child((YamlMappingNode)Child(Compose, "services")!, name) as YamlMappingNode).ShouldNotBeNull($"docker-compose.yml has no service '{name}'");

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static IEnumerable<string> Sequence(YamlMappingNode node, string key) => Child(node, key) switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(c => c.ToString()),
        YamlScalarNode scalar => scalar.Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    /// <summary>A service's environment, in either of compose's forms (a mapping, or a list of KEY=value).</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service) => Child(service, "environment") switch
    {
        YamlMappingNode map => map.Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString()),
        YamlSequenceNode list => list.Children.Select(c => c.ToString().Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
        _ => [],
    };

    /// <summary>An options section bound from a service's environment as .NET reads environment variables (__ for :).</summary>
    private static T Bind<T>(YamlMappingNode service, string section) where T : new() =>
        new ConfigurationBuilder().AddInMemoryCollection(Environment(service).Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
            .Build().GetSection(section).Get<T>() ?? new T();

    /// <summary>(host port, container port) for each published port, in the short ("[ip:]host:container[/tcp]") or the long form.</summary>
    private static List<(int Host, int Container)> Ports(YamlMappingNode service) =>
        (Child(service, "ports") as YamlSequenceNode)?.Children.Select(port => port switch
        {
            YamlMappingNode map => (int.Parse(Scalar(map, "published") ?? "0", System.Globalization.CultureInfo.InvariantCulture), int.Parse(Scalar(map, "target")!, System.Globalization.CultureInfo.InvariantCulture)),
            _ => port.ToString().Split('/')[0].Split(':') is var parts && parts.Length >= 2
                ? (int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture))
                : (0, int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)),
        }).ToList() ?? [];

    /// <summary>Each service depended on, with its condition (the list form means service_started).</summary>
    private static Dictionary<string, string> DependsOn(YamlMappingNode service) => Child(service, "depends_on") switch
    {
        YamlMappingNode map => map.Children.ToDictionary(kv => kv.Key.ToString(), kv => (kv.Value as YamlMappingNode) is { } m ? Scalar(m, "condition") ?? "service_started" : "service_started"),
        YamlSequenceNode list => list.Children.ToDictionary(c => c.ToString(), _ => "service_started"),
        _ => [],
    };

    /// <summary>The port the API listens on in the container: the service's ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS, else the image's.</summary>
    private static int ListeningPort(Dictionary<string, string> environment)
    {
        var settings = Image.Environment.Concat(environment).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var port = settings.TryGetValue("ASPNETCORE_URLS", out var urls) ? Regex.Match(urls, @":(\d+)/?$").Groups[1].Value
            : settings.TryGetValue("ASPNETCORE_HTTP_PORTS", out var ports) ? ports.Split(';')[0]
            : "8080"; // the default of Microsoft's .NET 8 and later images
        return int.Parse(port, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A Dockerfile's instructions, continuation lines joined and comments dropped.</summary>
    private sealed record Dockerfile(IReadOnlyList<(string Keyword, string Arguments)> Instructions)
    {
        public static Dockerfile Read(string path)
        {
            var instructions = new List<(string, string)>();
            var pending = "";
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0)) continue;
                if (line.EndsWith('\\'))
                {
                    pending += line[..^1] + " ";
                    continue;
                }
                var whole = (pending + line).Trim();
                pending = "";
                if (whole.Length == 0) continue;
                var space = whole.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add(space < 0 ? (whole.ToUpperInvariant(), "") : (whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
            }
            return new Dockerfile(instructions);
        }

        /// <summary>The instructions from the last FROM on: the image that runs.</summary>
        public List<(string Keyword, string Arguments)> FinalStage => Instructions.Skip(Instructions.ToList().FindLastIndex(x => x.Keyword == "FROM")).ToList();

        /// <summary>The final stage's ENV settings (KEY=value form).</summary>
        public IEnumerable<KeyValuePair<string, string>> Environment => FinalStage.Where(x => x.Keyword == "ENV")
            .SelectMany(x => x.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .Select(p => KeyValuePair.Create(p[0], p[1]));
    }
}
