using System.Text;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage;

/// <summary>
/// The read model in a compact binary form, so that a start reads a few hundred megabytes of numbers and strings
/// instead of parsing one JSON document per node. Nodes are written in id order and edges in the read model's
/// (from, type, to) order with their ends as node numbers, so loading needs neither sorting nor an id lookup per
/// edge. Every distinct string is written once and referred to by number after that: loading shares one instance
/// per value, which is also what keeps a million nodes' repeated document ids, sections and quotes small in memory.
/// The bytes are only ever read back by the same format version; anything else is rebuilt from the rows.
/// </summary>
public static class ReadModelSnapshot
{
    /// <summary>Bumped whenever the layout below changes: a snapshot of another version is never read, only rebuilt.</summary>
    public const int FormatVersion = 4;

    private const uint Magic = 0x50414E52; // "RNAP" little-endian: a file that does not start with it is not a snapshot.

    // String references: 0 is null, k >= 1 is string k - 1 of the table.
    private const int NullString = 0;

    // Layout: magic, version; the string table (count, then each as UTF-8 length and bytes); each node's id as a
    // string reference; the nodes section and the edges section, each preceded by its length in bytes; the
    // bottleneck ranking when the graph has one (a flag, the count, then each ranked node's number and counts);
    // magic. The table and the ids come first so that nodes and edges, which only refer to them, decode side by side.
    // The ranking travels along because working it out is the one thing a start would otherwise leave for the first
    // bottleneck question: seconds at a million nodes.
    public static void Write(Stream stream, GraphIndex graph)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        using var nodes = new MemoryStream();
        using var edges = new MemoryStream();
        using (var writer = new BinaryWriter(nodes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(graph.NodeCount);
            for (var i = 0; i < graph.NodeCount; i++)
            {
                // The id goes in the table now; its reference is written with the other ids, after the table.
                strings.TryAdd(graph.NodeAt(i).Id, strings.Count);
                WriteNode(writer, strings, graph.NodeAt(i));
            }
        }
        using (var writer = new BinaryWriter(edges, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(graph.EdgeCount);
            for (var e = 0; e < graph.EdgeCount; e++)
            {
                var edge = graph.EdgeAt(e);
                writer.Write7BitEncodedInt(graph.EdgeFrom(e));
                writer.Write((byte)edge.Type);
                writer.Write7BitEncodedInt(graph.EdgeTo(e));
                WriteSources(writer, strings, edge.Sources);
                WriteString(writer, strings, edge.Group);
                writer.Write((byte)edge.Reach);
                writer.Write7BitEncodedInt(edge.Version);
            }
        }
        using var output = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        output.Write(Magic);
        output.Write(FormatVersion);
        output.Write7BitEncodedInt(strings.Count);
        // A dictionary enumerates in insertion order while nothing is removed: the table is in reference order.
        foreach (var value in strings.Keys) output.Write(value);
        output.Write7BitEncodedInt(graph.NodeCount);
        for (var i = 0; i < graph.NodeCount; i++) WriteString(output, strings, graph.NodeAt(i).Id);
        foreach (var section in new[] { nodes, edges })
        {
            output.Write(checked((int)section.Length));
            output.Flush();
            section.Position = 0;
            section.CopyTo(stream);
        }
        output.Write(graph.HasBottleneckRanking);
        if (graph.HasBottleneckRanking)
        {
            var ranking = graph.Bottlenecks;
            output.Write7BitEncodedInt(ranking.RankedNumbers.Length);
            foreach (var v in ranking.RankedNumbers)
            {
                var row = ranking.Of(v)!;
                output.Write7BitEncodedInt(v);
                output.Write7BitEncodedInt(row.DependentProducts);
                output.Write7BitEncodedInt(row.DependentPrograms);
                output.Write7BitEncodedInt(row.BlockedProducts);
            }
        }
        output.Write(Magic);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="InvalidDataException"/> for anything else, however damaged.</summary>
    public static GraphIndex Read(byte[] bytes)
    {
        try
        {
            return ReadUnchecked(bytes);
        }
        catch (AggregateException e)
        {
            throw e.InnerExceptions[0] as InvalidDataException ?? Damaged(e.InnerExceptions[0]);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            throw Damaged(e);
        }
    }

    private static InvalidDataException Damaged(Exception e) => new($"The snapshot is damaged: {e.Message}", e);

    private static GraphIndex ReadUnchecked(byte[] bytes)
    {
        var header = new SpanReader(bytes, []);
        if (header.UInt32() != Magic) throw new InvalidDataException("Not a read-model snapshot.");
        if (header.Int32() is var version && version != FormatVersion) throw new InvalidDataException($"Snapshot format {version}, not {FormatVersion}.");
        var strings = ReadStringTable(bytes, ref header);
        var ids = new SpanReader(bytes, strings, header.Position);
        var nodeIds = new string[ids.Count()];
        for (var i = 0; i < nodeIds.Length; i++) nodeIds[i] = ids.RequiredString();
        var sections = new SpanReader(bytes, strings, ids.Position);
        var (nodesAt, nodesLength) = sections.Section();
        sections.Skip(nodesLength);
        var (edgesAt, edgesLength) = sections.Section();
        sections.Skip(edgesLength);
        (int[] Order, int[] Products, int[] Programs, int[] Blocked)? ranking = sections.Bool() ? ReadRanking(ref sections) : null;
        if (sections.UInt32() != Magic || !sections.AtEnd) throw new InvalidDataException("The snapshot does not end where its counts say.");

        var edges = Task.Run(() => ReadEdges(new SpanReader(bytes, strings, edgesAt, edgesLength), nodeIds));
        var reader = new SpanReader(bytes, strings, nodesAt, nodesLength);
        var nodes = new Node[reader.Count()];
        if (nodes.Length != nodeIds.Length) throw new InvalidDataException("The snapshot's node count and id count differ.");
        for (var i = 0; i < nodes.Length; i++) nodes[i] = ReadNode(ref reader, nodeIds[i]);
        if (!reader.AtEnd) throw new InvalidDataException("The nodes section does not end where its length says.");
        var (edgeArray, from, to) = edges.GetAwaiter().GetResult();
        var graph = GraphIndex.FromOrdered(nodes, edgeArray, from, to);
        if (ranking is { } rows)
        {
            graph.AdoptBottlenecks(Roadmap.Core.Analysis.BottleneckRanking.FromRows(graph, rows.Order, rows.Products, rows.Programs, rows.Blocked)
                ?? throw new InvalidDataException("The snapshot's bottleneck ranking does not fit its graph."));
        }
        return graph;
    }

    private static (int[] Order, int[] Products, int[] Programs, int[] Blocked) ReadRanking(ref SpanReader reader)
    {
        var count = reader.Count();
        var (order, products, programs, blocked) = (new int[count], new int[count], new int[count], new int[count]);
        for (var k = 0; k < count; k++) (order[k], products[k], programs[k], blocked[k]) = (reader.VarInt(), reader.VarInt(), reader.VarInt(), reader.VarInt());
        return (order, products, programs, blocked);
    }

    // The strings decode in parallel: their places are found in one quick pass over the lengths.
    private static string[] ReadStringTable(byte[] bytes, ref SpanReader reader)
    {
        var count = reader.Count();
        var starts = new int[count + 1];
        var lengths = new int[count];
        for (var k = 0; k < count; k++)
        {
            lengths[k] = reader.Count();
            starts[k] = reader.Position;
            reader.Skip(lengths[k]);
        }
        var strings = new string[count];
        Parallel.For(0, (count + 65_535) / 65_536, block =>
        {
            for (int k = block * 65_536, end = Math.Min(count, k + 65_536); k < end; k++) strings[k] = Encoding.UTF8.GetString(bytes, starts[k], lengths[k]);
        });
        return strings;
    }

    private static (Edge[] Edges, int[] From, int[] To) ReadEdges(SpanReader reader, string[] nodeIds)
    {
        var count = reader.Count();
        var (edges, from, to) = (new Edge[count], new int[count], new int[count]);
        for (var e = 0; e < count; e++)
        {
            from[e] = reader.Number(nodeIds.Length);
            var type = Enum<EdgeType>(reader.Byte());
            to[e] = reader.Number(nodeIds.Length);
            var sources = ReadSources(ref reader);
            var group = reader.String();
            var reach = Enum<NeedReach>(reader.Byte());
            edges[e] = new Edge(nodeIds[from[e]], type, nodeIds[to[e]], sources, group, reach) { Version = reader.VarInt() };
        }
        if (!reader.AtEnd) throw new InvalidDataException("The edges section does not end where its length says.");
        return (edges, from, to);
    }

    private static void WriteNode(BinaryWriter writer, Dictionary<string, int> strings, Node node)
    {
        writer.Write((byte)node.Kind);
        WriteString(writer, strings, node.NameZh);
        WriteString(writer, strings, node.NameEn);
        WriteStrings(writer, strings, node.Aliases);
        WriteSources(writer, strings, node.Sources);
        writer.Write7BitEncodedInt(node.Assessments.Count);
        foreach (var assessment in node.Assessments)
        {
            writer.Write((byte)assessment.Status);
            writer.Write(assessment.Year);
            WriteSource(writer, strings, assessment.Source);
            writer.Write((byte)assessment.Basis);
            WriteString(writer, strings, assessment.Note);
            WriteSources(writer, strings, assessment.Context);
        }
        WriteString(writer, strings, node.Note);
        WriteOptional(writer, node.ComponentType);
        WriteOptional(writer, node.Field);
        WriteQuantities(writer, strings, node.Targets);
        WriteOptional(writer, node.ProgramType);
        writer.Write(node.Period is not null);
        if (node.Period is { } period)
        {
            writer.Write(period.Start);
            writer.Write(period.End ?? int.MinValue);
        }
        WriteStrings(writer, strings, node.LeadAgencies);
        WriteQuantities(writer, strings, node.Goals);
        WriteString(writer, strings, node.File);
        writer.Write7BitEncodedInt(node.Version);
        WriteString(writer, strings, node.Text);
        WriteString(writer, strings, node.Issuer);
        writer.Write(node.Year ?? int.MinValue);
    }

    private static Node ReadNode(ref SpanReader reader, string id)
    {
        var kind = Enum<NodeKind>(reader.Byte());
        var nameZh = reader.RequiredString();
        var nameEn = reader.RequiredString();
        var aliases = ReadStrings(ref reader);
        var sources = ReadSources(ref reader);
        var assessments = reader.Array<Assessment>();
        for (var k = 0; k < assessments.Length; k++)
        {
            var status = Enum<AssessmentStatus>(reader.Byte());
            var judgedIn = reader.Int32();
            var source = ReadSource(ref reader);
            var basis = Enum<AssessmentBasis>(reader.Byte());
            var reading = reader.String();
            assessments[k] = new Assessment(status, judgedIn, source) { Basis = basis, Note = reading, Context = ReadSources(ref reader) };
        }
        var note = reader.String();
        var componentType = ReadOptional<ComponentType>(ref reader);
        var field = ReadOptional<Field>(ref reader);
        var targets = ReadQuantities(ref reader);
        var programType = ReadOptional<ProgramType>(ref reader);
        Period? period = null;
        if (reader.Bool())
        {
            var start = reader.Int32();
            period = new Period(start, reader.Int32() is var end && end != int.MinValue ? end : null);
        }
        var leadAgencies = ReadStrings(ref reader);
        var goals = ReadQuantities(ref reader);
        var file = reader.String();
        var nodeVersion = reader.VarInt();
        var text = reader.String();
        var issuer = reader.String();
        var year = reader.Int32();
        return new Node
        {
            Id = id, Kind = kind, NameZh = nameZh, NameEn = nameEn, Aliases = aliases, Sources = sources, Assessments = assessments,
            Note = note, ComponentType = componentType, Field = field, Targets = targets, ProgramType = programType, Period = period,
            LeadAgencies = leadAgencies, Goals = goals, File = file, Version = nodeVersion, Text = text, Issuer = issuer,
            Year = year == int.MinValue ? null : year,
        };
    }

    private static void WriteQuantities(BinaryWriter writer, Dictionary<string, int> strings, IReadOnlyList<Quantity> quantities)
    {
        writer.Write7BitEncodedInt(quantities.Count);
        foreach (var q in quantities)
        {
            WriteString(writer, strings, q.Metric);
            writer.Write((byte)q.Comparator);
            writer.Write(q.Value);
            writer.Write(q.MaxValue is not null);
            if (q.MaxValue is { } max) writer.Write(max);
            WriteString(writer, strings, q.Unit);
            WriteString(writer, strings, q.UnitEn);
            WriteSource(writer, strings, q.Source);
        }
    }

    private static Quantity[] ReadQuantities(ref SpanReader reader)
    {
        var quantities = reader.Array<Quantity>();
        for (var k = 0; k < quantities.Length; k++)
        {
            var metric = reader.RequiredString();
            var comparator = Enum<Comparator>(reader.Byte());
            var value = reader.Double();
            double? max = reader.Bool() ? reader.Double() : null;
            var unit = reader.String();
            var unitEn = reader.String();
            quantities[k] = new Quantity(metric, comparator, value, max, unit, ReadSource(ref reader)) { UnitEn = unitEn };
        }
        return quantities;
    }

    private static void WriteSources(BinaryWriter writer, Dictionary<string, int> strings, IReadOnlyList<Source> sources)
    {
        writer.Write7BitEncodedInt(sources.Count);
        foreach (var source in sources) WriteSource(writer, strings, source);
    }

    private static Source[] ReadSources(ref SpanReader reader)
    {
        var sources = reader.Array<Source>();
        for (var k = 0; k < sources.Length; k++) sources[k] = ReadSource(ref reader);
        return sources;
    }

    private static void WriteSource(BinaryWriter writer, Dictionary<string, int> strings, Source source)
    {
        WriteString(writer, strings, source.DocumentId);
        WriteString(writer, strings, source.Section);
        WriteString(writer, strings, source.Quote);
    }

    private static Source ReadSource(ref SpanReader reader) => new(reader.RequiredString(), reader.RequiredString(), reader.RequiredString());

    private static void WriteStrings(BinaryWriter writer, Dictionary<string, int> strings, IReadOnlyList<string> values)
    {
        writer.Write7BitEncodedInt(values.Count);
        foreach (var value in values) WriteString(writer, strings, value);
    }

    private static string[] ReadStrings(ref SpanReader reader)
    {
        var values = reader.Array<string>();
        for (var k = 0; k < values.Length; k++) values[k] = reader.RequiredString();
        return values;
    }

    private static void WriteString(BinaryWriter writer, Dictionary<string, int> strings, string? value)
    {
        if (value is null)
        {
            writer.Write7BitEncodedInt(NullString);
            return;
        }
        if (!strings.TryGetValue(value, out var number)) strings.Add(value, number = strings.Count);
        writer.Write7BitEncodedInt(number + 1);
    }

    private static void WriteOptional<T>(BinaryWriter writer, T? value) where T : struct, Enum =>
        writer.Write(value is { } v ? (byte)(Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) + 1) : (byte)0);

    private static T? ReadOptional<T>(ref SpanReader reader) where T : struct, Enum =>
        reader.Byte() is var b and > 0 ? Enum<T>((byte)(b - 1)) : null;

    // Every enum of the model numbers its values 0..n-1.
    private static T Enum<T>(byte value) where T : struct, Enum =>
        value < EnumSize<T>.Count ? EnumSize<T>.Values[value] : throw new InvalidDataException($"{value} is not a {typeof(T).Name}.");

    private static class EnumSize<T> where T : struct, Enum
    {
        public static readonly T[] Values = System.Enum.GetValues<T>();
        public static readonly int Count = Values.Length;
    }

    /// <summary>Reads the primitives <see cref="BinaryWriter"/> writes from part of an array, resolving string references against the table.</summary>
    private ref struct SpanReader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private readonly string[] _strings;
        private readonly int _offset;
        private int _at;

        public SpanReader(byte[] bytes, string[] strings, int offset = 0, int? length = null)
        {
            _bytes = bytes.AsSpan(offset, length ?? bytes.Length - offset);
            (_strings, _offset) = (strings, offset);
        }

        public readonly bool AtEnd => _at == _bytes.Length;

        /// <summary>Where the reader stands, as an offset into the whole array.</summary>
        public readonly int Position => _offset + _at;

        public byte Byte() => _bytes[_at++];

        public bool Bool() => Byte() != 0;

        public int Int32()
        {
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_bytes.Slice(_at, 4));
            _at += 4;
            return value;
        }

        public uint UInt32() => unchecked((uint)Int32());

        public double Double()
        {
            var value = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(_bytes.Slice(_at, 8));
            _at += 8;
            return value;
        }

        public int VarInt()
        {
            var (value, shift) = (0u, 0);
            while (true)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) return (int)value;
                if ((shift += 7) > 28) throw new InvalidDataException("A number is longer than five bytes.");
            }
        }

        public void Skip(int count)
        {
            if (count < 0 || count > _bytes.Length - _at) throw new InvalidDataException($"{count} bytes to skip; {_bytes.Length - _at} are left.");
            _at += count;
        }

        /// <summary>A section's start (in the whole array) and length, read from its length prefix.</summary>
        public (int Start, int Length) Section()
        {
            var length = Int32();
            if (length < 0 || length > _bytes.Length - _at) throw new InvalidDataException($"A section of {length} bytes is more than the snapshot holds.");
            return (Position, length);
        }

        // A count can never exceed the bytes left, since every element takes at least one: a garbled count is
        // caught here instead of allocating gigabytes.
        public int Count() =>
            VarInt() is var count && count >= 0 && count <= _bytes.Length - _at ? count : throw new InvalidDataException($"A count of {count} is more than the snapshot holds.");

        public T[] Array<T>() => Count() is var n and > 0 ? new T[n] : [];

        public int Number(int nodeCount) =>
            VarInt() is var n && (uint)n < (uint)nodeCount ? n : throw new InvalidDataException($"Node number {n} is out of range.");

        public string? String()
        {
            var reference = VarInt();
            if (reference == NullString) return null;
            return (uint)(reference - 1) < (uint)_strings.Length ? _strings[reference - 1] : throw new InvalidDataException($"String {reference} is not in the table.");
        }

        public string RequiredString() => String() ?? throw new InvalidDataException("A required string is missing.");
    }
}
