using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using GraphQL;
using GraphQL.Introspection;
using Roadmap.Core.GraphQL.Editing;
using Roadmap.Core.GraphQL.Execution;
using Roadmap.Core.GraphQL.Introspection;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL;

public sealed class RoadmapSchema : Schema
{
    public RoadmapSchema(IServiceProvider services) : base(services)
    {
        Description = "The technology roadmap of China's medical-device plans: technologies, components, products, programs and the plans that link them. Every error's extensions.code is a value of enum ErrorCode.";
        NameConverter = Arguments.FilterOperatorNames.Instance;
        // The parts of introspection that code generators ask for (graphql-codegen, Strawberry Shake, get-graphql-schema):
        // __Directive.isRepeatable, and includeDeprecated on input values.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Filter = new StandardIntrospectionFilter();
        Query = services.GetRequiredService<RoadmapQuery>();
        Mutation = services.GetRequiredService<RoadmapMutation>();
        Subscription = services.GetRequiredService<RoadmapSubscription>();
        // Object types reached only through the Node interface must be registered explicitly.
        RegisterType(typeof(TechnologyGraphType));
        RegisterType(typeof(ComponentGraphType));
        RegisterType(typeof(ProductGraphType));
        RegisterType(typeof(ProgramGraphType));
        RegisterType(typeof(DocumentGraphType));
        // Reached by no field: the list of every code errors[].extensions.code can hold.
        RegisterType(typeof(ErrorCodeEnum));
        Directives.Register(new SpecifiedByDirective());
        RegisterType(new DateTimeScalar());
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        switch (graphType)
        {
            // The spec's __Type.specifiedByURL, which GraphQL.NET 8's introspection lacks; code generators ask for it.
            case __Type type when !type.HasField("specifiedByURL"):
                type.Field<StringGraphType>("specifiedByURL")
                    .Description("Where a custom scalar's behaviour is specified; null for other types and for scalars without a specification.")
                    .Resolve(c => c.Source is ScalarGraphType scalar ? scalar.GetMetadata<string?>(SpecifiedByDirective.UrlMetadata) : null);
                break;
            // includeDeprecated on a directive's args, as on a field's: Strawberry Shake sends it on both once it
            // finds it on __Field.args, and GraphQL.NET 8 has it only there. No directive argument is deprecated.
            case __Directive directive when directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null:
                args.Arguments ??= new QueryArguments();
                args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false, Description = "Include deprecated arguments too (none of a directive's is)." });
                break;
        }
    }
}
