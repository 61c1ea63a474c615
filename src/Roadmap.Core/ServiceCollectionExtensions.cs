using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.GraphQL;
using Roadmap.Core.Security;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Core;

/// <summary>Limits on a whole GraphQL request, bound from the <c>GraphQL</c> configuration section.</summary>
public sealed class GraphQLLimits
{
    /// <summary>Nesting depth of a query's selections.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>GraphQL.NET's complexity estimate: each field costs 1, a list field multiplies what is under it by 5.</summary>
    public int MaxComplexity { get; set; } = 200_000;

    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest request body the HTTP endpoint reads; above it, 413.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Whether the schema can be introspected (GraphiQL and code generators need it).</summary>
    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Requests each client address may make per minute; above it, 429. 0 turns the limit off.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

public static class ServiceCollectionExtensions
{
    /// <summary>The graph store, the GraphQL schema and its executer: what both the API host and the CLI run.</summary>
    public static IServiceCollection AddRoadmap(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RoadmapOptions
        {
            SeedsPath = configuration["Seeds:Path"],
            DatabasePath = configuration["Store:Embedded:DatabasePath"] ?? new RoadmapOptions().DatabasePath,
        };
        if (configuration["Store:Embedded:SeedImport"] is { } seedImport)
        {
            options.SeedImport = Enum.TryParse<SeedImport>(seedImport, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Store:Embedded:SeedImport '{seedImport}' is not supported; use 'WhenUnedited' or 'Never'.");
        }
        var provider = configuration["Store:Provider"] ?? "Embedded";
        var limits = new GraphQLLimits();
        configuration.GetSection("GraphQL").Bind(limits);

        var defaultImpact = new ComplexityOptions().DefaultComplexityImpactDelegate;
        var auth = new AuthOptions();
        configuration.GetSection("Auth").Bind(auth);
        services.AddSingleton(options);
        services.AddSingleton(limits);
        services.AddSingleton(auth);
        // Built at start-up so that a malformed key entry stops the service rather than locking editors out later.
        services.AddSingleton(new ApiKeys(auth));
        services.AddSingleton<EmbeddedGraphStore>();
        if (provider.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
            services.AddSingleton<IEditableGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        }
        else if (provider.Equals("Neo4j", StringComparison.OrdinalIgnoreCase))
        {
            var neo4j = new Neo4jOptions();
            configuration.GetSection("Neo4j").Bind(neo4j);
            services.AddSingleton(neo4j);
            services.AddHttpClient(nameof(Neo4jQueryClient));
            services.AddSingleton(sp => new Neo4jQueryClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(Neo4jQueryClient)), neo4j));
            services.AddSingleton(sp => new Neo4jGraphStore(sp.GetRequiredService<Neo4jQueryClient>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<Neo4jGraphStore>>()));
            services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        }
        else
        {
            throw new InvalidOperationException($"Store:Provider '{provider}' is not supported; use 'Embedded' or 'Neo4j'.");
        }
        services.AddScoped<RequestLoaders>();
        services.AddSingleton<DocumentCache>();
        services.AddGraphQL(b => b
            .AddSchema<RoadmapSchema>()
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(RoadmapSchema).Assembly)
            .AddValidationRule(
                new ComplexityValidationRule(new ComplexityOptions
                {
                    MaxDepth = limits.MaxDepth,
                    MaxComplexity = limits.MaxComplexity,
                    // Introspection is bounded by the schema's size, not the graph's; tools such as GraphiQL must get through.
                    DefaultComplexityImpactDelegate = context =>
                        context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                            ? new FieldComplexityResult(0, 1)
                            : defaultImpact(context),
                }),
                useForCachedDocuments: true)
            .WithTimeout(limits.ExecutionTimeout, TimeoutAction.ReturnTimeoutError)

            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
        if (!limits.EnableIntrospection)
        {
            // AddGraphQL adds to the one configuration; the rule also runs on cached documents.
            services.AddGraphQL(b => b.AddValidationRule(NoIntrospectionValidationRule.Instance, useForCachedDocuments: true));
        }
        services.AddSingleton<global::GraphQL.DI.IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        return services;
    }
}
