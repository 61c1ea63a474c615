using Xunit.Abstractions;
using Xunit.Sdk;

namespace Roadmap.Tests.Support;

/// <summary>
/// Marks a test class that runs against a real Neo4j 5, found through NEO4J_URL (and NEO4J_USER, NEO4J_PASSWORD).
/// When NEO4J_URL is unset, each of the class's <see cref="StoreFactAttribute"/> tests, its own or inherited, is
/// reported as skipped; the class cannot forget to check.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresNeo4jAttribute : Attribute
{
    public static string? Url => Environment.GetEnvironmentVariable("NEO4J_URL") is { Length: > 0 } url ? url : null;

    public const string SkipReason = "NEO4J_URL is not set: no Neo4j server to run the conformance suite against.";
}

/// <summary>
/// A fact of a suite that runs on more than one store: run as a plain fact, except in a class marked
/// <see cref="RequiresNeo4jAttribute"/> while NEO4J_URL is unset, where it is skipped.
/// </summary>
[XunitTestCaseDiscoverer("Roadmap.Tests.Support.StoreFactDiscoverer", "Roadmap.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        // The class is the concrete one the test runs in, so a method inherited from an abstract suite is judged per store.
        var needsServer = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresNeo4jAttribute)).Any();
        return needsServer && RequiresNeo4jAttribute.Url is null
            ? [new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, RequiresNeo4jAttribute.SkipReason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
