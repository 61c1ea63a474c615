using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Loading;

/// <summary>What a resolver reads the graph through: the request's store and its batch loaders.</summary>
internal static class ResolverServices
{
    public static IGraphStore Store(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<IGraphStore>();

    public static RequestLoaders Loaders(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<RequestLoaders>();
}
