using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roadmap.Core.Graph;

/// <summary>
/// Reads a string that recurs across many records (the document a source cites, its section number) as one shared
/// instance. A large graph has a source on every node and edge but only a handful of documents; without sharing,
/// each source would hold its own copies, and a store read would spend its time collecting them.
/// </summary>
public sealed class SharedStringConverter : JsonConverter<string>
{
    // Bounded, so that a file of unusual values cannot grow it without limit; past the bound, strings are read as usual.
    private const int MaxShared = 65_536;
    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);
    // Counted here: ConcurrentDictionary.Count takes every lock, too costly once a full pool sees only new values.
    private static int _sharedCount;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.GetString() is not { } value) return null;
        if (Shared.TryGetValue(value, out var shared)) return shared;
        if (Volatile.Read(ref _sharedCount) >= MaxShared) return value;
        shared = Shared.GetOrAdd(value, value);
        if (ReferenceEquals(shared, value)) Interlocked.Increment(ref _sharedCount);
        return shared;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
