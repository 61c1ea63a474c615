using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Execution;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>The schema (a singleton), its executer with the request bounds of <see cref="GraphQLOptions"/>, and the per-request loaders.</summary>
    public static IServiceCollection AddRoadmapGraphQL(this IServiceCollection services)
    {
        services.AddOptions<GraphQLOptions>().BindConfiguration(GraphQLOptions.Section)
            .Validate(o => o.MaxSelectionDepth > 0 && o.MaxComplexity > 0 && o.ExecutionTimeout > TimeSpan.Zero,
                "GraphQL:MaxSelectionDepth, GraphQL:MaxComplexity and GraphQL:ExecutionTimeout must be positive.")
            .Validate(o => o.MaxFields > 0 && o.MaxAliases >= 0 && o.MaxFragmentSpreads >= 0 && o.MaxArgumentSetsPerResponseName > 0 && o.MaxErrors > 0
                    && o.IntrospectionComplexity >= 0 && o.ExportComplexity >= 0 && o.MaxResponseBytes > 0,
                "GraphQL:MaxFields, MaxArgumentSetsPerResponseName, MaxErrors and MaxResponseBytes must be positive; MaxAliases, MaxFragmentSpreads, IntrospectionComplexity and ExportComplexity 0 or more.")
            .Validate(o => o.ValidationTimeout > TimeSpan.Zero, "GraphQL:ValidationTimeout must be positive.")
            .Validate(o => o.SlowOperationThreshold >= TimeSpan.Zero, "GraphQL:SlowOperationThreshold must be 0 (off) or more.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphQLOptions>, RenamedGraphQLSettings>();
        services.AddScoped<RequestLoaders>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddSingleton<IConfigureExecution, ExecutionTelemetry>();
        services.AddSingleton<IConfigureExecution, ExecutionGuard>();
        services.AddSingleton<IConfigureExecution, DocumentLimits>();

        var defaultImpact = new ComplexityOptions().DefaultComplexityImpactDelegate;
        services.AddGraphQL(b => b
            .AddSchema<RoadmapSchema>()
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(RoadmapSchema).Assembly)
            .AddValidationRule(sp =>
            {
                var options = sp.GetRequiredService<IOptions<GraphQLOptions>>().Value;
                return new ObservedComplexityRule(new ComplexityOptions
                {
                    MaxDepth = options.MaxSelectionDepth,
                    MaxComplexity = options.MaxComplexity,
                    // Introspection is bounded by the schema's size, not the graph's: one fixed cost per __schema or __type
                    // (what is under it is free), so GraphiQL gets through and thousands of aliases of it do not.
                    // An export writes up to the whole graph as text: a fixed cost of its own.
                    DefaultComplexityImpactDelegate = context => context.FieldDefinition.Name switch
                    {
                        "__schema" or "__type" => new FieldComplexityResult(options.IntrospectionComplexity, 0),
                        "export" => new FieldComplexityResult(options.ExportComplexity, 1),
                        _ when context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                            => new FieldComplexityResult(0, 1),
                        _ => defaultImpact(context),
                    },
                });
            }, useForCachedDocuments: true, global::GraphQL.DI.ServiceLifetime.Singleton)
            .AddValidationRule<IntrospectionSwitch>(useForCachedDocuments: true)
            .AddValidationRule<ValidationBudget>(useForCachedDocuments: false)
            .AddValidationRule(MutationOverGetRule.Instance, useForCachedDocuments: true)
            .ConfigureExecutionOptions(execution =>
            {
                execution.Timeout = execution.RequestServices!.GetRequiredService<IOptions<GraphQLOptions>>().Value.ExecutionTimeout;
                execution.TimeoutAction = TimeoutAction.ReturnTimeoutError;
            })
            .AddUnhandledExceptionHandler(UnhandledErrors.Map)
            .AddErrorInfoProvider(new RoadmapErrorInfoProvider()));
        return services;
    }

    /// <summary>GraphQL.NET's NoIntrospectionValidationRule when GraphQL:EnableIntrospection is false; nothing when it is true.</summary>
    private sealed class IntrospectionSwitch(IOptions<GraphQLOptions> options) : global::GraphQL.Validation.ValidationRuleBase
    {
        public override ValueTask<global::GraphQL.Validation.INodeVisitor?> GetPreNodeVisitorAsync(global::GraphQL.Validation.ValidationContext context) =>
            options.Value.EnableIntrospection ? default : NoIntrospectionValidationRule.Instance.GetPreNodeVisitorAsync(context);
    }

    /// <summary>A setting under its old name would otherwise be ignored without a word: refuse to start instead.</summary>
    private sealed class RenamedGraphQLSettings(Microsoft.Extensions.Configuration.IConfiguration configuration) : IValidateOptions<GraphQLOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphQLOptions options) =>
            configuration["GraphQL:MaxDepth"] is null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("GraphQL:MaxDepth is now GraphQL:MaxSelectionDepth (the nesting depth of a document; traversal depths are the maxDepth arguments).");
    }
}
