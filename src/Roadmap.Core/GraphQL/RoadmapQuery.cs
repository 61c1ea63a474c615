using GraphQL.Types;
using Roadmap.Core.GraphQL.Analyses;
using Roadmap.Core.GraphQL.Editing;
using Roadmap.Core.GraphQL.Filtering;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Plans;
using Roadmap.Core.GraphQL.Roadmaps;
using Roadmap.Core.GraphQL.Search;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL;

/// <summary>The one Query type; each feature declares its fields in its own folder.</summary>
public sealed class RoadmapQuery : ObjectGraphType
{
    public RoadmapQuery()
    {
        Name = "Query";
        Description = "Questions about the technology roadmap: what a thing needs, what needs it, how one reaches another, what a gap hits.";

        // The fields keep the order of the published schema (src/Roadmap.Api/schema.graphql), so the features interleave.
        NodeQueries.AddNode(this);
        TraversalQueries.AddEdge(this);
        NodeListQueries.AddNodes(this);
        NodeListQueries.AddNodeCounts(this);
        NodeQueries.AddSearch(this);
        SearchQueries.AddSearchSources(this);
        TraversalQueries.AddDependencies(this);
        TraversalQueries.AddDependents(this);
        TraversalQueries.AddPaths(this);
        AnalysisQueries.AddImpact(this);
        AnalysisQueries.AddCompareScenarios(this);
        AnalysisQueries.AddBottlenecks(this);
        AnalysisQueries.AddTimeline(this);
        AnalysisQueries.AddChanges(this);
        AnalysisQueries.AddCompareDocuments(this);
        RoadmapQueries.AddRoadmap(this);
        AnalysisQueries.AddStats(this);
        NodeQueries.AddDocuments(this);
        AuditQueries.AddAuditLog(this);
        AuditQueries.AddGraphDiff(this);
        PlanQueries.AddProposeFacts(this);
    }
}
