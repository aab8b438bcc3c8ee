using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// The in-domain known-item task from Hugging Face Daily Papers files: each paper's title and abstract is a document,
/// and its <c>ai_summary</c> (a one-sentence paraphrase written by HF) is the query that should find it.
/// </summary>
public static class HfKnownItems
{
    /// <param name="limit">Papers to keep (a fixed-seed sample), or 0 for all.</param>
    public static RetrievalTask Load(string folder, int limit, int seed, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException($"{folder}: no such folder of Hugging Face daily-papers files.");
        var papers = new Dictionary<string, PaperRecord>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            foreach (var item in HfDailyReader.Read(stream, Path.GetFileName(file), cancellationToken))
            {
                if (item is PaperItem { Paper: var paper })
                {
                    papers.TryAdd(paper.Id.Value, paper);
                }
            }
        }

        IEnumerable<PaperRecord> chosen = papers.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal);
        if (limit > 0 && papers.Count > limit)
        {
            var random = new Random(seed);
            chosen = chosen.OrderBy(_ => random.Next()).Take(limit).OrderBy(p => p.Id.Value, StringComparer.Ordinal);
        }

        var sample = chosen.ToList();
        var corpus = sample.Select(p => new BenchDocument(p.Id.Value, p.Title, p.Abstract)).ToList();
        var queries = sample
            .Where(p => !string.IsNullOrWhiteSpace(p.AiSummary))
            .Select(p => new BenchQuery(p.Id.Value, p.AiSummary!, new Dictionary<string, int>(StringComparer.Ordinal) { [p.Id.Value] = 1 }))
            .ToList();
        var name = new DirectoryInfo(Path.GetFullPath(folder)).Name;
        return new RetrievalTask(name, limit > 0 && papers.Count > limit ? $"sample of {limit}" : "all", corpus, queries, RetrievalMeasure.KnownItem);
    }
}
