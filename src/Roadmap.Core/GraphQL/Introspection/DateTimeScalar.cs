using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Introspection;

/// <summary>
/// GraphQL.NET's DateTime, marked <c>@specifiedBy</c> the date-time scalar specification. A type of its own, registered
/// under the built-in's name so that it replaces it: the built-in instance is shared by every schema in the process.
/// </summary>
public sealed class DateTimeScalar : DateTimeGraphType
{
    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "A date and time with its offset, as RFC 3339 writes it (such as 2026-05-01T08:30:00Z).";
        SpecifiedByDirective.Apply(this, SpecifiedByDirective.DateTimeSpecification);
    }
}
