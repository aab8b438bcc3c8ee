using System.IO.Compression;

namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>
/// Writes a generated corpus (<see cref="CorpusPlan"/>) as a Kaggle-layout file, gzip when its name ends in .gz, one
/// line at a time: memory holds the source papers and one line, whatever the number of papers. The file appears
/// under its name only once complete, so a run cut short never leaves a plausible-looking truncated corpus.
/// </summary>
public static class CorpusGenerator
{
    public static async Task<CorpusFile> WriteAsync(
        SourceCorpus sources, CorpusPlan plan, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (plan.SourceCount != sources.Papers.Count)
        {
            throw new ArgumentException($"the plan draws from {plan.SourceCount:N0} sources, the corpus has {sources.Papers.Count:N0}", nameof(plan));
        }

        var partial = path + ".partial";
        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var line = new KaggleLineWriter();
        long written = 0, bytes = 0;
        string? firstId = null, lastId = null;
        try
        {
            await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: false);
            await using var output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
            foreach (var paper in plan.Papers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                line.Write(paper, sources.Papers);
                await output.WriteAsync(line.Line, cancellationToken);
                bytes += line.Line.Length;
                firstId ??= paper.Id;
                lastId = paper.Id;
                if (++written % 10_000 == 0)
                {
                    progress?.Report(written);
                }
            }
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, path, overwrite: true);
        progress?.Report(written);
        return new CorpusFile(path, written, bytes, new FileInfo(path).Length, firstId, lastId);
    }
}
