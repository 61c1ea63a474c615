using System.IO.Hashing;
using Microsoft.Data.Sqlite;

namespace Roadmap.Core.Storage;

/// <summary>
/// A snapshot encoded in memory as the parts the <c>snapshot</c> table holds, with its length and hash: encoding
/// takes a pass over the whole graph, so the store does it before taking the write lock, and only storing the parts
/// holds edits back. Parts, because SQLite keeps a blob whole in memory while it is bound.
/// </summary>
public sealed class SnapshotStream : Stream
{
    public const int PartBytes = 16 << 20;

    private readonly List<byte[]> _parts = [];
    private readonly XxHash3 _hash = new();
    private int _filled = PartBytes;

    /// <summary>The parts in order, each exactly as long as its bytes; the last one may be shorter.</summary>
    public IEnumerable<byte[]> Parts => _parts.Select((part, i) => i == _parts.Count - 1 && _filled < PartBytes ? part[.._filled] : part);

    public long Written { get; private set; }

    /// <summary>The hash of every byte, as 16 hex digits.</summary>
    public string Hash => Convert.ToHexString(_hash.GetCurrentHash());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.Append(buffer);
        Written += buffer.Length;
        while (buffer.Length > 0)
        {
            if (_filled == PartBytes)
            {
                _parts.Add(new byte[PartBytes]);
                _filled = 0;
            }
            var take = Math.Min(buffer.Length, PartBytes - _filled);
            buffer[..take].CopyTo(_parts[^1].AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public override long Position { get => Written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>Reads the <c>snapshot</c> table's parts back as one array, refusing one whose length or hash is not the recorded one.</summary>
internal static class SnapshotPartReader
{
    public static byte[] ReadAll(SqliteConnection connection, long length, string expectedHash)
    {
        if (length < 0 || length > Array.MaxLength) throw new InvalidDataException($"A snapshot of {length} bytes cannot be read.");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        var filled = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT data FROM snapshot ORDER BY part";
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                using var part = rows.GetStream(0);
                if (part.Length > length - filled) throw new InvalidDataException($"The snapshot holds more than its recorded {length} bytes.");
                part.ReadExactly(bytes, filled, (int)part.Length);
                filled += (int)part.Length;
            }
        }
        if (filled != length) throw new InvalidDataException($"The snapshot holds {filled} of its recorded {length} bytes.");
        if (Convert.ToHexString(XxHash3.Hash(bytes)) != expectedHash) throw new InvalidDataException("The snapshot's bytes do not match its recorded hash.");
        return bytes;
    }
}
