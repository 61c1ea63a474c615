using GraphQL.Introspection;
using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Introspection;

/// <summary>
/// GraphQL.NET's schema filter, except that <c>__Directive.isRepeatable</c>, which the spec has and the schema switches
/// on, is shown when a client introspects <c>__Directive</c> itself: Strawberry Shake asks for it only when it sees it there.
/// </summary>
public sealed class StandardIntrospectionFilter : DefaultSchemaFilter
{
    public override Task<bool> AllowField(IGraphType parent, IFieldType field) =>
        parent is __Directive && field.Name == "isRepeatable" ? Allowed : base.AllowField(parent, field);
}
