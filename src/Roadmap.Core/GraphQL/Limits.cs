using GraphQL;

namespace Roadmap.Core.GraphQL;

/// <summary>The bounds on every argument that controls how much work a query does. Above them, a coded error.</summary>
public static class Limits
{
    public const int MaxDepth = 10;
    public const int MaxPathLength = 10;
    public const int MaxPathCount = 100;
    public const int MaxPageSize = 100;
    public const int MaxIds = 100;
    public const int MaxSearchText = 200;
    public const int MinYear = 1949;
    public const int MaxYear = 2100;

    public static int InRange(IResolveFieldContext context, string argument, int min, int max)
    {
        var value = context.GetArgument<int>(argument);
        if (value < min || value > max)
        {
            throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'{argument}' must be between {min} and {max}; got {value}.");
        }
        return value;
    }
}

/// <summary>Machine-readable codes in <c>extensions.code</c> of the errors this service raises itself.</summary>
public static class ErrorCodes
{
    public const string ArgumentOutOfRange = "ARGUMENT_OUT_OF_RANGE";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string InvalidCursor = "INVALID_CURSOR";
}

/// <summary>An error a client caused and can fix; GraphQL.NET reports it with its code and no stack trace.</summary>
public sealed class RoadmapError : ExecutionError
{
    public RoadmapError(string code, string message) : base(message) => Code = code;
}
