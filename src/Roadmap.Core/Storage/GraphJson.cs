using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roadmap.Core.Storage;

/// <summary>How nodes and sources are written as JSON inside a store (the SQLite file's rows, Neo4j's properties).</summary>
public static class GraphJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(), new CompactListConverterFactory() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // No \u escapes: Neo4j's Cypher parser resolves them before it tokenizes, so an escaped quote would end a
        // string literal in an exported script. Quotes become \" and Chinese stays readable in the database.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Reads a read-only list as an array of exactly its length, and every empty one as the one shared empty array.
    /// A node carries five lists that are mostly empty; at a million nodes, separate empty lists are five million
    /// objects that the garbage collector would copy from generation to generation while a store loads.
    /// </summary>
    private sealed class CompactListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(CompactListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class CompactListConverter<T> : JsonConverter<IReadOnlyList<T>>
    {
        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"Expected an array for {typeToConvert}, found {reader.TokenType}.");
            List<T>? items = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                (items ??= []).Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            // A plain array: a collection expression would wrap it in a second object.
            return items is null ? [] : items.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value) JsonSerializer.Serialize(writer, item, options);
            writer.WriteEndArray();
        }
    }
}
