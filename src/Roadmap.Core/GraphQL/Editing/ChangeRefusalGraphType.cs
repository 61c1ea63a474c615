using GraphQL.Types;
using Roadmap.Core.Editing;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class ChangeRefusalGraphType : ObjectGraphType<ChangeRefusal>
{
    public ChangeRefusalGraphType()
    {
        Name = "ChangeRefusal";
        Description = "A change of a set that would be refused, with the code its single mutation would get.";
        Field<NonNullGraphType<IntGraphType>>("index").Description("The change's place in the set, from 0.").Resolve(c => c.Source.Index);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The mutation it stands for.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<StringGraphType>>("code").Description("The error code (docs/errors.md), such as CONFLICT or QUOTE_NOT_FOUND.").Resolve(c => c.Source.Code.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("Why, in words.").Resolve(c => c.Source.Message);
        Field<IntGraphType>("currentVersion").Description("For a CONFLICT, the version to read and retry with.")
            .Resolve(c => c.Source.Details.TryGetValue("currentVersion", out var v) ? v as int? : null);
    }
}
