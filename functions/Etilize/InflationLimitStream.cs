using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// Reads an entry while counting what it inflates to: a ZIP's declared sizes can lie, so an entry that yields more
/// than it declared, or pushes the archive past its total, is refused mid-read instead of filling the disk or memory.
/// </summary>
internal sealed class InflationLimitStream(Stream inner, string entryName, long declaredLength, Action<int> onInflated) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (InvalidDataException error)
        {
            throw new CatalogFileRefusedException("corrupt_archive", $"The entry '{entryName}' is corrupt: {error.Message}", error);
        }

        _read += read;
        if (_read > declaredLength)
        {
            throw new CatalogFileRefusedException("compression_ratio", $"The entry '{entryName}' inflates beyond the {declaredLength:N0} bytes it declares.");
        }

        onInflated(read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
