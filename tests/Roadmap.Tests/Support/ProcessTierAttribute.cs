using Xunit.Abstractions;
using Xunit.Sdk;

namespace Roadmap.Tests.Support;

/// <summary>
/// Marks tests that start processes (the built CLI, the API killed mid-write), bind a real socket or talk to a real
/// server (Neo4j): the trait Tier=Process. The fast tier leaves them out: <c>dotnet test Roadmap.sln --filter "Tier!=Process"</c>.
/// In-memory hosts (WebApplicationFactory, the Query API stub) are not marked.
/// </summary>
[TraitDiscoverer("Roadmap.Tests.Support.ProcessTierDiscoverer", "Roadmap.Tests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ProcessTierAttribute : Attribute, ITraitAttribute;

public sealed class ProcessTierDiscoverer : ITraitDiscoverer
{
    public const string Name = "Tier";

    public const string Value = "Process";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) => [new(Name, Value)];
}
