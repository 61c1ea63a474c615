using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>The fields every mutation payload shares.</summary>
internal static class PayloadFields
{
    public static void AddRevision(ObjectGraphType<EditResult> payload) =>
        payload.Field<NonNullGraphType<IntGraphType>>("revision")
            .Description("The graph's revision after this change (stats.revision, the sequence of its last audit entry): a change feed resumes after it.")
            .Resolve(c => checked((int)c.Source.Sequence));
}
