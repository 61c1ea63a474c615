using GraphQL.Validation;
using GraphQLParser.AST;
using Roadmap.Core.Errors;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// A subscription needs a transport that streams: over plain GraphQL over HTTP (or the command line) it would
/// answer one empty result, so it is a validation error that names where to subscribe instead.
/// </summary>
public sealed class SubscriptionTransportRule : ValidationRuleBase
{
    public static readonly SubscriptionTransportRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext is not RequestContext { StreamingTransport: true } && context.Operation.Operation == OperationType.Subscription)
        {
            context.ReportError(new ValidationError(context.Document.Source, null!,
                "Subscriptions need a streaming transport: /graphql with Accept: text/event-stream only (graphql-sse), or a WebSocket on /graphql (graphql-transport-ws); /graphql/stream and /graphql/ws are aliases.", context.Operation)
            {
                Code = ErrorCodes.SubscriptionOverHttp.Code,
            });
        }
        return default;
    }
}
