namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// A read-only stream that first gives back the bytes read to sniff the format, then the rest of the inner stream,
/// and remembers the last four bytes that went past: at the end of gzip data those are its length trailer.
/// </summary>
internal sealed class SniffedStream(Stream inner, ReadOnlySpan<byte> sniffed) : ReadOnlyStreamWrapper(inner)
{
    private readonly byte[] _sniffed = sniffed.ToArray();
    private readonly byte[] _tail = new byte[4];
    private int _sniffedRead;

    /// <summary>How many bytes have gone past in all.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The last four bytes read, little-endian: gzip's uncompressed length modulo 2^32 at the end.</summary>
    public uint LastFourBytes => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_tail);

    public override int Read(Span<byte> buffer)
    {
        if (_sniffedRead < _sniffed.Length)
        {
            var n = Math.Min(buffer.Length, _sniffed.Length - _sniffedRead);
            _sniffed.AsSpan(_sniffedRead, n).CopyTo(buffer);
            _sniffedRead += n;
            return Passed(buffer[..n]);
        }

        return Passed(buffer[..Inner.Read(buffer)]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_sniffedRead < _sniffed.Length)
        {
            return Read(buffer.Span);
        }

        var n = await Inner.ReadAsync(buffer, cancellationToken);
        return Passed(buffer.Span[..n]);
    }

    /// <summary>Reads to the end, so that <see cref="LastFourBytes"/> are the input's last four.</summary>
    public void ReadToEnd()
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (Read(scratch) > 0)
        {
        }
    }

    private int Passed(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= _tail.Length)
        {
            bytes[^_tail.Length..].CopyTo(_tail);
        }
        else if (bytes.Length > 0)
        {
            // Shift the old tail left and append the few new bytes.
            _tail.AsSpan(bytes.Length).CopyTo(_tail);
            bytes.CopyTo(_tail.AsSpan(_tail.Length - bytes.Length));
        }

        BytesRead += bytes.Length;
        return bytes.Length;
    }
}
