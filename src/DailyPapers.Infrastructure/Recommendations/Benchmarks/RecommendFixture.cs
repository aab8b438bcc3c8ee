using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// Cuts the test fixture of the recommendation benchmark from the full Hugging Face days: every paper listed in the
/// evaluated weeks; for each qualifying reader who submitted in them (judged on the full days), their latest earlier
/// submissions; a seeded sample of other earlier papers as negatives; and the vectors of all of them. Items keep
/// only the fields the benchmark reads, as the API served them.
/// </summary>
public static class RecommendFixture
{
    public const string VectorsFile = "vectors.q8";

    public static IReadOnlyList<ListedPaper> Write(
        string folder,
        IReadOnlyList<ListedPaper> papers,
        IReadOnlyDictionary<string, float[]> vectors,
        DateOnly firstWeek,
        int weeks,
        int minSubmissions,
        int earlierPerReader,
        int otherEarlier,
        int seed)
    {
        var from = ListedPaper.WeekOf(firstWeek);
        var until = from.AddDays(7 * weeks);
        var all = RecommendationTask.Build(papers, minSubmissions, from);
        var readers = all.ReaderWeeks.Where(w => w.Week < until).Select(w => w.Reader).ToHashSet(StringComparer.Ordinal);
        var chosen = papers.Where(p => p.Day >= from && p.Day < until).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = papers.Where(p => p.Day < from).ToList();
        foreach (var reader in readers)
        {
            chosen.UnionWith(earlier.Where(p => p.Submitter == reader).TakeLast(earlierPerReader).Select(p => p.Id));
        }

        var random = new Random(seed);
        chosen.UnionWith(earlier.Where(p => !chosen.Contains(p.Id)).OrderBy(_ => random.Next()).Take(otherEarlier).Select(p => p.Id));
        var kept = papers.Where(p => chosen.Contains(p.Id)).ToList();

        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.json"))
        {
            File.Delete(stale);
        }

        foreach (var day in kept.GroupBy(p => p.Day))
        {
            var items = new JsonArray([.. day.Select(p => Trim(JsonNode.Parse(p.HfItem ?? throw new InvalidOperationException($"{p.Id}: no Hugging Face item to cut."))!))]);
            var path = Path.Combine(folder, day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");
            File.WriteAllText(path, items.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n");
        }

        QuantizedVectors.Write(Path.Combine(folder, VectorsFile), kept.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => (p.Id, vectors[p.Id])));
        return kept;
    }

    private static JsonObject Trim(JsonNode item)
    {
        var paper = item["paper"]!;
        var trimmed = new JsonObject
        {
            ["id"] = paper["id"]?.DeepClone(),
            ["title"] = paper["title"]?.DeepClone(),
            ["summary"] = paper["summary"]?.DeepClone(),
            ["authors"] = new JsonArray([.. (paper["authors"]?.AsArray() ?? new JsonArray()).Select(a => (JsonNode)new JsonObject { ["name"] = a?["name"]?.DeepClone() })]),
            ["publishedAt"] = paper["publishedAt"]?.DeepClone(),
            ["upvotes"] = paper["upvotes"]?.DeepClone(),
        };
        if (paper["submittedOnDailyAt"] is { } at)
        {
            trimmed["submittedOnDailyAt"] = at.DeepClone();
        }

        if (paper["submittedOnDailyBy"]?["user"] is { } user)
        {
            trimmed["submittedOnDailyBy"] = new JsonObject { ["user"] = user.DeepClone() };
        }

        var result = new JsonObject { ["paper"] = trimmed, ["publishedAt"] = item["publishedAt"]?.DeepClone() };
        if (item["submittedBy"]?["name"] is { } name)
        {
            result["submittedBy"] = new JsonObject { ["name"] = name.DeepClone() };
        }

        return result;
    }
}
