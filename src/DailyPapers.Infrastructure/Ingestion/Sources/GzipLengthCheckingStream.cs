using System.IO.Compression;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Turns the silent end of a truncated gzip file into an exception. .NET's <see cref="GZipStream"/> reports a
/// normal end of stream when the compressed data simply stops (dotnet/runtime#47563), so an importer would take
/// half a file for the whole; the length in the gzip trailer (RFC 1952) tells the two apart.
/// </summary>
/// <remarks>
/// The trailer checked is the last member's, so a multi-member file (bgzip, <c>cat a.gz b.gz</c>) is reported as
/// ending early once all of its data has been read; single-member files, what gzip and pigz write, are exact.
/// </remarks>
internal sealed class GzipLengthCheckingStream(GZipStream inner, SniffedStream compressed) : ReadOnlyStreamWrapper(inner)
{
    // A gzip member is at least a 10-byte header, an empty deflate block and an 8-byte trailer.
    private const int MinimumGzipLength = 18;

    private uint _length;
    private bool _checked;

    public override int Read(Span<byte> buffer) => Counted(Inner.Read(buffer), buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await Inner.ReadAsync(buffer, cancellationToken), buffer.Length);

    private int Counted(int read, int requested)
    {
        if (read > 0 || requested == 0)
        {
            _length = unchecked(_length + (uint)read);
            return read;
        }

        if (!_checked)
        {
            compressed.ReadToEnd();
            if (compressed.BytesRead < MinimumGzipLength || compressed.LastFourBytes != _length)
            {
                throw new EndOfStreamException(
                    $"decompression stopped after {compressed.BytesRead:N0} compressed bytes without reaching the end of the gzip data");
            }

            _checked = true;
        }

        return 0;
    }
}
