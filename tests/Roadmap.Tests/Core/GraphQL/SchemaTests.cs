using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.GraphQL;

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

    /// <summary>
    /// The schema is where an analyst reads what the API means (the SDL, GraphiQL's docs): every type, field,
    /// argument, input field and enum value the project declares must say it. GraphQL.NET's own types (the
    /// introspection types, the built-in scalars) are theirs to describe.
    /// </summary>
    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(schema.Description)) missing.Add("the schema");
        foreach (var type in schema.AllTypes.Where(t => t.GetType().Assembly == typeof(RoadmapSchema).Assembly))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add($"type {type.Name}");
            switch (type)
            {
                case IComplexGraphType complex:
                    foreach (var field in complex.Fields)
                    {
                        if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"field {type.Name}.{field.Name}");
                        foreach (var argument in field.Arguments ?? [])
                        {
                            if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"argument {type.Name}.{field.Name}({argument.Name})");
                        }
                    }
                    break;
                case EnumerationGraphType enumeration:
                    foreach (var value in enumeration.Values)
                    {
                        if (string.IsNullOrWhiteSpace(value.Description)) missing.Add($"enum value {type.Name}.{value.Name}");
                    }
                    break;
            }
        }

        missing.ShouldBeEmpty($"these have no description:\n{string.Join("\n", missing)}\n");
    }
}
