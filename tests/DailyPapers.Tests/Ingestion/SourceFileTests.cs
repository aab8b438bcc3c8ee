using System.IO.Compression;
using System.Text;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Ingestion;

public sealed class SourceFileTests
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"id\": \"2401.12345\"}\n", 5000)));

    [Fact]
    public void OpenRead_GzipDataNamedJson_IsDecompressed()
    {
        var path = System.IO.Path.Combine(TestData.NewTempDir(), "papers.json");
        File.WriteAllBytes(path, IngestionFixtures.Gzip(Text));

        using var stream = SourceFile.OpenRead(path);

        Assert.Equal(Text, ReadAll(stream));
    }

    [Fact]
    public void OpenRead_PlainDataNamedGz_IsReadAsIs()
    {
        var path = System.IO.Path.Combine(TestData.NewTempDir(), "papers.jsonl.gz");
        File.WriteAllBytes(path, Text);

        using var stream = SourceFile.OpenRead(path);

        Assert.Equal(Text, ReadAll(stream));
    }

    [Fact]
    public void OpenRead_TruncatedGzip_ThrowsEndOfStreamInsteadOfEndingQuietly()
    {
        var path = IngestionFixtures.WriteTruncatedGzip("papers.jsonl.gz", Text);

        using var stream = SourceFile.OpenRead(path);

        Assert.Throws<EndOfStreamException>(() => ReadAll(stream));
    }

    [Fact]
    public void OpenRead_GzipWithoutItsLastByte_Throws()
    {
        var compressed = IngestionFixtures.Gzip(Text);
        var path = System.IO.Path.Combine(TestData.NewTempDir(), "papers.jsonl.gz");
        File.WriteAllBytes(path, compressed[..^1]);

        using var stream = SourceFile.OpenRead(path);

        Assert.True(SourceFile.IsTruncation(Assert.ThrowsAny<Exception>(() => ReadAll(stream))));
    }

    [Fact]
    public void Decompress_NonSeekableGzipStream_IsDecompressed()
    {
        // The outer gzip layer makes a stream that cannot seek and whose content is gzip data.
        var doubled = IngestionFixtures.Gzip(IngestionFixtures.Gzip(Text));
        using var nonSeekable = new GZipStream(new MemoryStream(doubled), CompressionMode.Decompress);

        using var stream = SourceFile.Decompress(nonSeekable);

        Assert.Equal(Text, ReadAll(stream));
    }

    [Fact]
    public void Decompress_EmptyStream_ReadsAsEmpty()
    {
        using var stream = SourceFile.Decompress(new MemoryStream());

        Assert.Empty(ReadAll(stream));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
