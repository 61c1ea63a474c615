using GraphQL.Validation;
using GraphQLParser.AST;
using Roadmap.Core.Errors;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// GET requests may only read (GraphQL over HTTP): a mutation selected over GET is a validation error, so the
/// document is parsed once, by the executer, and the rule runs on cached documents too.
/// </summary>
public sealed class MutationOverGetRule : ValidationRuleBase
{
    public static readonly MutationOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext is RequestContext { ReadOnlyTransport: true } && context.Operation.Operation == OperationType.Mutation)
        {
            context.ReportError(new ValidationError(context.Document.Source, null!, "Mutations must be sent with POST.", context.Operation)
            {
                Code = ErrorCodes.MutationOverGet.Code,
            });
        }
        return default;
    }
}
