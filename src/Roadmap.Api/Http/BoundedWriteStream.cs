namespace Roadmap.Api.Http;

/// <summary>A memory stream that throws once more than <c>limit</c> bytes are written to it.</summary>
internal sealed class BoundedWriteStream(long limit) : MemoryStream
{
    public sealed class LimitExceededException() : IOException("The response exceeds its limit.");

    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Check(int count)
    {
        if (Position + count > limit) throw new LimitExceededException();
    }
}
