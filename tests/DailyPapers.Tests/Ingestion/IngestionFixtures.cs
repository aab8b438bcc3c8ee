using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Ingestion;

/// <summary>The hand-written responses in Ingestion/Fixtures, read from the source tree (they are not copied to bin).</summary>
internal static class IngestionFixtures
{
    public static string Path(string name) =>
        System.IO.Path.Combine(TestData.RepoRoot, "tests", "DailyPapers.Tests", "Ingestion", "Fixtures", name);

    public static Stream Open(string name) => File.OpenRead(Path(name));

    /// <summary>The first half of a gzip-compressed copy of <paramref name="content"/>, as a file in a new temp folder.</summary>
    public static string WriteTruncatedGzip(string fileName, byte[] content)
    {
        var compressed = Gzip(content);
        var path = System.IO.Path.Combine(TestData.NewTempDir(), fileName);
        File.WriteAllBytes(path, compressed[..(compressed.Length / 2)]);
        return path;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
