using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One change to one node or edge: who made it, when, and the thing before and after (JSON; null before a creation and after a deletion).";
        Field<NonNullGraphType<IntGraphType>>("sequence")
            .Description("The entry's place in the log; it only goes up. Pass the last one seen as afterSequence to page on.").Resolve(c => checked((int)c.Source.Sequence));
        Field<NonNullGraphType<IntGraphType>>("changeId").Description("Shared by the entries one mutation wrote (a cascading delete writes several).").Resolve(c => checked((int)c.Source.ChangeId));
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When the change was committed, in UTC.").Resolve(c => c.Source.At.UtcDateTime);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("The name of the API key used.").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The mutation, such as upsertNode.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<StringGraphType>>("target").Description("A node id, or an edge as 'from -TYPE-> to'.").Resolve(c => c.Source.Target);
        Field<StringGraphType>("before")
            .Description("The node or edge before the change, as JSON (camelCase names, enum values as this schema spells them, a document's text left out); null for a creation.")
            .Resolve(c => c.Source.Before);
        Field<StringGraphType>("after")
            .Description("The node or edge after the change, as JSON like before; null for a deletion.").Resolve(c => c.Source.After);
    }
}
