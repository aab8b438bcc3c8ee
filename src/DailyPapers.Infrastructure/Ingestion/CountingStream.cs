namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>A read-only pass-through that counts bytes, so progress can be shown for compressed input too.</summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyStreamWrapper(inner)
{
    private long _bytesRead;

    /// <summary>Read from the import thread, written by the parsing thread.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public override int Read(Span<byte> buffer) => Count(Inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await Inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        Interlocked.Add(ref _bytesRead, read);
        return read;
    }
}
