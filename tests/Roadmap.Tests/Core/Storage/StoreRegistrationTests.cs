using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.Registry;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage;

/// <summary>Store:Provider decides which store is composed, and only that one is.</summary>
public sealed class StoreRegistrationTests
{
    private static IServiceCollection Compose(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGraphStore(configuration);
    }

    private static bool Registers<T>(IServiceCollection services) => services.Any(d => d.ServiceType == typeof(T));

    [Theory]
    [InlineData("Neo4j")]
    [InlineData("neo4j")]
    public void The_neo4j_provider_composes_the_neo4j_store_and_no_embedded_or_editable_store(string provider)
    {
        var services = Compose(("Store:Provider", provider), ("Neo4j:Url", "http://neo4j.test:7474"));

        Registers<EmbeddedGraphStore>(services).ShouldBeFalse();
        Registers<IEditableGraphStore>(services).ShouldBeFalse();
        using var container = services.BuildServiceProvider();
        container.GetRequiredService<IGraphStore>().ShouldBeOfType<Neo4jGraphStore>();
        container.GetService<IEditableGraphStore>().ShouldBeNull();
        container.GetService<EmbeddedGraphStore>().ShouldBeNull();
    }

    [Fact]
    public void The_default_composes_the_embedded_store_and_nothing_of_neo4j()
    {
        var services = Compose();

        Registers<Neo4jGraphStore>(services).ShouldBeFalse();
        Registers<Neo4jQueryClient>(services).ShouldBeFalse();
        Registers<ResiliencePipelineProvider<string>>(services).ShouldBeFalse();
        services.Single(d => d.ServiceType == typeof(IGraphStore)).ShouldNotBeNull();
        Registers<EmbeddedGraphStore>(services).ShouldBeTrue();
        Registers<IEditableGraphStore>(services).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("7")]
    public void An_unknown_provider_stops_composition_and_names_the_choices(string provider)
    {
        var error = Should.Throw<InvalidOperationException>(() => Compose(("Store:Provider", provider)));

        error.Message.ShouldBe($"Store:Provider '{provider}' is not supported; use 'Embedded' or 'Neo4j'.");
    }
}
