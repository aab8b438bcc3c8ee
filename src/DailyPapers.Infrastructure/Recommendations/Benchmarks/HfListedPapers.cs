using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// Reads Hugging Face daily-papers files (one per day, named by the day) into papers at their first listing, ordered
/// by day then id. The submitter is the item's <c>submittedBy</c>, else <c>paper.submittedOnDailyBy</c>, as the
/// importer reads it: on the 7,077 items that carry both they name the same user, and the older days carry only the
/// first.
/// </summary>
public static class HfListedPapers
{
    public static IReadOnlyList<ListedPaper> Load(string folder, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException($"{folder}: no such folder of Hugging Face daily-papers files.");
        var papers = new Dictionary<string, ListedPaper>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            foreach (var item in HfDailyReader.Read(stream, Path.GetFileName(file), cancellationToken))
            {
                if (item is PaperItem { Paper: var paper, Listing: { } listing } && !papers.ContainsKey(paper.Id.Value))
                {
                    papers[paper.Id.Value] = new ListedPaper(
                        paper.Id.Value, paper.Title, paper.Abstract, paper.Authors, listing.Upvotes, paper.SubmittedAt, listing.Day, listing.SubmittedBy, listing.HfItem);
                }
            }
        }

        return [.. papers.Values.OrderBy(p => p.Day).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }
}
