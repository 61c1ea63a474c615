using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.GraphQL.Editing;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL;

public sealed class RoadmapSchema : Schema
{
    public RoadmapSchema(IServiceProvider services) : base(services)
    {
        Description = "The technology roadmap of China's medical-device plans: technologies, components, products, programs and the plans that link them.";
        NameConverter = Arguments.FilterOperatorNames.Instance;
        // The parts of introspection that code generators ask for (graphql-codegen, Strawberry Shake, get-graphql-schema):
        // __Directive.isRepeatable, and includeDeprecated on input values.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Query = services.GetRequiredService<RoadmapQuery>();
        Mutation = services.GetRequiredService<RoadmapMutation>();
        Subscription = services.GetRequiredService<RoadmapSubscription>();
        // Object types reached only through the Node interface must be registered explicitly.
        RegisterType(typeof(TechnologyGraphType));
        RegisterType(typeof(ComponentGraphType));
        RegisterType(typeof(ProductGraphType));
        RegisterType(typeof(ProgramGraphType));
        RegisterType(typeof(DocumentGraphType));
    }
}
