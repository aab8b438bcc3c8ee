using System.IO.Compression;

namespace DailyPapers.Tests.Support;

/// <summary>Finds the read-only real data beside the repo (<c>../shared/data</c>) and a scratch folder per test.</summary>
public static class TestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedData { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Path(params string[] parts) => System.IO.Path.Combine([SharedData, .. parts]);

    public static string KaggleCs => Directory.GetFiles(Path("arxiv-cs"), "*.kaggle.jsonl.gz").Single();

    /// <summary>The first <paramref name="count"/> papers of the arxiv-cs Kaggle file as a .jsonl.gz; returns how many were written.</summary>
    public static async Task<int> WriteKaggleSubsetAsync(string path, int count)
    {
        await using var source = new GZipStream(File.OpenRead(KaggleCs), CompressionMode.Decompress);
        using var reader = new StreamReader(source);
        await using var target = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest));
        var written = 0;
        while (written < count && await reader.ReadLineAsync() is { } line)
        {
            await target.WriteLineAsync(line);
            written++;
        }

        return written;
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
