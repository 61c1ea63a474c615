namespace Roadmap.Tests.Core.GraphQL.Execution;

/// <summary>A validation budget far below what the slow document takes, an execution timeout far above it, and the default 64 KiB body.</summary>
public sealed class TightValidationBudgetApiFactory() : RoadmapApiFactory(TestSeeds.Path,
    ("GraphQL:ValidationTimeout", "00:00:00.050"), ("GraphQL:ExecutionTimeout", "00:00:30"), ("GraphQL:MaxRequestBytes", "65536"));

/// <summary>The same, with a validation budget far above what the slow document takes.</summary>
public sealed class AmpleValidationBudgetApiFactory() : RoadmapApiFactory(TestSeeds.Path,
    ("GraphQL:ValidationTimeout", "00:00:30"), ("GraphQL:ExecutionTimeout", "00:00:30"), ("GraphQL:MaxRequestBytes", "65536"));

/// <summary>
/// A document within every document limit that is still slow to validate: 499 selections of one response name with
/// ten argument lists (9 KB), whose 124,000 pairs validation compares and reports as conflicts (a second or more of
/// CPU). GraphQL.NET's execution timeout does not start until validation is over, so without the budget a 50 ms
/// limit would not stop it.
/// </summary>
public class ValidationBudgetTests(TightValidationBudgetApiFactory tight, AmpleValidationBudgetApiFactory ample)
    : IClassFixture<TightValidationBudgetApiFactory>, IClassFixture<AmpleValidationBudgetApiFactory>
{
    private static readonly string SlowToValidate = "{ " + string.Join(" ", Enumerable.Range(0, 499).Select(i => $"node(id: \"x{i % 10}\") {{ id }}")) + " }";

    [Fact]
    public async Task A_document_past_the_budget_is_refused_with_VALIDATION_TIMEOUT()
    {
        var client = await tight.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.PostAsync(client, SlowToValidate);

        status.ShouldBe(400, body);
        body.ShouldContain("\"code\":\"VALIDATION_TIMEOUT\"");
        body.ShouldContain("GraphQL:ValidationTimeout");
        body.ShouldNotContain("OVERLAPPING_FIELDS_CAN_BE_MERGED");
        body.ShouldNotContain("\"data\"");
    }

    [Fact]
    public async Task A_document_within_the_budget_validates_and_runs()
    {
        var client = await tight.ReadyClientAsync();

        (await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }")).Body.ShouldBe("""{"data":{"stats":{"nodeCount":8}}}""");
        // Cached after its first run: a repeat is not validated, so not timed, again.
        (await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }")).Body.ShouldBe("""{"data":{"stats":{"nodeCount":8}}}""");
    }

    [Fact]
    public async Task With_an_ample_budget_the_slow_document_gets_its_validation_errors()
    {
        var client = await ample.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.PostAsync(client, SlowToValidate);

        status.ShouldBe(400, body);
        body.ShouldContain("\"code\":\"OVERLAPPING_FIELDS_CAN_BE_MERGED\"");
        body.ShouldNotContain("VALIDATION_TIMEOUT");
    }
}
