using System.IO.Compression;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>Opens source files, gzip or plain, telling them apart by their first bytes rather than their name.</summary>
public static class SourceFile
{
    private const int FileBufferSize = 1 << 16;

    /// <summary>
    /// Opens <paramref name="path"/> for reading, decompressing it when it starts with the gzip magic bytes.
    /// Gzip data that ends early throws <see cref="EndOfStreamException"/> (corrupt data
    /// <see cref="InvalidDataException"/>) from a read: see <see cref="IsTruncation"/>.
    /// </summary>
    public static Stream OpenRead(string path) =>
        Decompress(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan));

    /// <summary>
    /// <paramref name="stream"/> itself when it is plain, or a decompressing stream over it when it starts with the
    /// gzip magic bytes; either way the result owns <paramref name="stream"/>. The stream need not be seekable.
    /// </summary>
    public static Stream Decompress(Stream stream)
    {
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            var input = new SniffedStream(stream, magic[..read]);
            return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
                ? new GzipLengthCheckingStream(new GZipStream(input, CompressionMode.Decompress), input)
                : input;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>True for the exceptions a stream from this class throws when its data ends early or is corrupt.</summary>
    public static bool IsTruncation(Exception exception) => exception is InvalidDataException or EndOfStreamException;
}
