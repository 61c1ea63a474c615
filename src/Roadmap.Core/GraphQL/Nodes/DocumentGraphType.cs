using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Paging;
using Roadmap.Core.GraphQL.Plans;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class DocumentGraphType : NodeObjectGraphType
{
    // A document states itself; the list is of what it states about the roadmap.
    private static readonly HashSet<NodeKind> StatedKinds = [NodeKind.Technology, NodeKind.Component, NodeKind.Product, NodeKind.Program];

    public DocumentGraphType() : base(NodeKind.Document, "One of the policy plans the graph is drawn from.")
    {
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title as the plan writes it.").Resolve(c => c.Source.NameZh);
        Field<NonNullGraphType<StringGraphType>>("titleEn").Description("The title in English.").Resolve(c => c.Source.NameEn);
        Field<StringGraphType>("issuer").Description("The lead issuing agency.").Resolve(c => c.Source.Issuer);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year the plan speaks from; it dates the plan's assessments.").Resolve(c => c.Source.Year);
        Field<PeriodGraphType>("period")
            .Description("The years the plan covers, e.g. 2021 to 2025 for the 14th Five-Year Plan; null when none is recorded.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<NodeConnectionGraphType>>("states")
            .Description("What the plan states something about (a source, an assessment, a target or goal): the nodes(where: { statedIn }) list as a connection, in id order.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", "Only these kinds; every kind but DOCUMENT when omitted.")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 20; a.Description = $"0 to {ArgumentLimits.MaxPageSize}."; })
            .Argument<StringGraphType>("after", "A cursor of this list (endCursor of the page before): start after it.")
            .ResolveAsync(async c =>
            {
                var first = ArgumentLimits.InRange(c, "first", 0, ArgumentLimits.MaxPageSize);
                var kinds = NodeKindsArgument.Read(c) ?? StatedKinds;
                var filter = new NodeFilter { StatedIn = new HashSet<string>(StringComparer.Ordinal) { c.Source.Id }, Kinds = kinds };
                var fingerprint = Cursors.Fingerprint(filter, []);
                var after = c.GetArgument<string?>("after") is { } a ? Cursors.Decode(a, fingerprint, []) : null;
                var window = await c.Store().QueryNodesAsync(new NodeQuery(filter, [], after, null, first, null), c.CancellationToken);
                return new NodeConnection(window, fingerprint);
            });
        Field<NonNullGraphType<StringGraphType>>("file").Description("The plan's text under seeds/documents (for a plan added through the API, the name it is exported under).").Resolve(c => c.Source.File);
        Field<NonNullGraphType<DocumentCoverageGraphType>>("coverage")
            .Description("Which of the plan's sentences support a fact, and which support none yet.")
            .ResolveAsync(async c => await c.Store().CoverageAsync(c.Source.Id, c.CancellationToken)
                ?? new DocumentCoverage(c.Source, 0, 0, []));
    }
}
