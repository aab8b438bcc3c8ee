using System.IO.Compression;

namespace DailyPapers.Tests.Support;

/// <summary>
/// Finds the fixtures committed under <c>tests/fixtures</c> (cut from the shared data by its <c>recut.py</c>; tests
/// never read the shared data beside the repo, so a clone passes alone) and a scratch folder per test.
/// </summary>
public static class TestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures { get; } = System.IO.Path.Combine(RepoRoot, "tests", "fixtures");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Fixtures, .. parts]);

    /// <summary>The arXiv cs listings of 2025-06-09 to 2025-06-19, Kaggle layout, gzip.</summary>
    public static string KaggleCs => Path("arxiv-cs", "arxiv-cs-2025-06-09-to-2025-06-19.kaggle.jsonl.gz");

    /// <summary>The lines of <see cref="KaggleCs"/>, read as plain text (not by the reader under test).</summary>
    public static IEnumerable<string> KaggleCsLines()
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(KaggleCs), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now (for a server or process a test starts).</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A new empty folder under the system temp dir; deleted by the caller or left for inspection.</summary>
    public static string NewTempDir(string prefix = "dp-test")
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DailyPapers.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repo root (DailyPapers.slnx) above " + AppContext.BaseDirectory);
    }
}
