using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roadmap.Core.Storage;

/// <summary>How nodes and sources are written as JSON inside a store (the SQLite file's rows, Neo4j's properties).</summary>
public static class GraphJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // No \u escapes: Neo4j's Cypher parser resolves them before it tokenizes, so an escaped quote would end a
        // string literal in an exported script. Quotes become \" and Chinese stays readable in the database.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
