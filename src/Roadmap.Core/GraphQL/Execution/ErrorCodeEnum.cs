using GraphQL.Types;
using Roadmap.Core.Errors;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>Every error code of the catalogue as an enum of the schema, so that a client finds them all by introspection.</summary>
public sealed class ErrorCodeEnum : EnumerationGraphType
{
    public ErrorCodeEnum()
    {
        Name = "ErrorCode";
        Description = "Every code an error's extensions.code can hold (and roadmap validate prints), with what it means; no field returns it. The same list, with HTTP statuses, is docs/errors.md.";
        foreach (var code in ErrorCodes.All)
        {
            var status = code.HttpStatus is { } s ? $" HTTP {s}." : "";
            Add(new EnumValueDefinition(code.Code, code.Code) { Description = $"{code.Meaning} (From {Origin(code.Origin)}.){status}" });
        }
    }

    private static string Origin(ErrorOrigin origin) => origin switch
    {
        ErrorOrigin.Http => "the HTTP request",
        ErrorOrigin.GraphQL => "GraphQL.NET",
        ErrorOrigin.Argument => "an argument",
        ErrorOrigin.Access => "the API key",
        ErrorOrigin.Edit => "a mutation",
        ErrorOrigin.GraphRule => "a graph rule, checked on seeds and mutations",
        ErrorOrigin.Seeds => "roadmap validate, on the seed files only",
        ErrorOrigin.Service => "the service",
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };
}
