using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Roadmap.Tests.Core.GraphQL;

public class SchemaTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private static string SchemaFile => Path.Combine(Repo.Root, "src", "Roadmap.Api", "schema.graphql");

    /// <summary>
    /// The committed SDL is the public contract; a change to the code's schema must change the file in the same
    /// commit. Run with UPDATE_SCHEMA=1 to rewrite the file after an intended change.
    /// </summary>
    [Fact]
    public void The_committed_schema_matches_the_code()
    {
        var printed = factory.Services.GetRequiredService<ISchema>().Print(new() { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(SchemaFile, printed);

        File.Exists(SchemaFile).ShouldBeTrue($"{SchemaFile} is missing; run the tests once with UPDATE_SCHEMA=1");
        File.ReadAllText(SchemaFile).ReplaceLineEndings("\n").ShouldBe(printed, "the schema drifted from src/Roadmap.Api/schema.graphql; run the tests with UPDATE_SCHEMA=1 and commit the file");
    }
}
