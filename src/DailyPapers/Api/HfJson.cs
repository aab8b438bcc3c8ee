using System.Text.Json;
using System.Text.Json.Nodes;
using DailyPapers.Core.Listings;

namespace DailyPapers.Api;

/// <summary>
/// Papers in Hugging Face's JSON. A paper imported from Hugging Face answers with its item exactly as they served
/// it (every field, null or absent as theirs), with our live counts in place of theirs: votes (theirs plus ours),
/// comments, and our arXiv categories added. Other papers are built in the same shape
/// (<see cref="HfDailyItemJson"/>, <see cref="HfPaperJson"/>).
/// </summary>
public static class HfJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>An item of <c>/api/daily_papers</c> and <c>/api/papers/search</c>.</summary>
    public static JsonNode Item(ListedPaper paper)
    {
        if (Recorded(paper) is { } item && item["paper"] is JsonObject recordedPaper)
        {
            WithOurCounts(recordedPaper, paper);
            item["numComments"] = paper.NumComments;
            return item;
        }

        return JsonSerializer.SerializeToNode(HfDailyItemJson.From(paper), Options)!;
    }

    /// <summary>A paper of <c>/api/papers/{id}</c> (and our lists of papers): the item's <c>paper</c> object.</summary>
    public static JsonNode Paper(ListedPaper paper)
    {
        if (Recorded(paper)?["paper"] is JsonObject recordedPaper)
        {
            recordedPaper.Parent!.AsObject().Remove("paper");
            WithOurCounts(recordedPaper, paper);
            recordedPaper["numComments"] = paper.NumComments;
            return recordedPaper;
        }

        return JsonSerializer.SerializeToNode(HfPaperJson.From(paper), Options)!;
    }

    public static List<JsonNode> Items(IEnumerable<ListedPaper> papers) => [.. papers.Select(Item)];

    public static List<JsonNode> Papers(IEnumerable<ListedPaper> papers) => [.. papers.Select(Paper)];

    private static JsonObject? Recorded(ListedPaper paper) => paper.HfItem is { } raw ? JsonNode.Parse(raw) as JsonObject : null;

    private static void WithOurCounts(JsonObject recordedPaper, ListedPaper paper)
    {
        recordedPaper["upvotes"] = paper.Votes;
        if (paper.Categories.Count > 0)
        {
            recordedPaper["categories"] = new JsonArray([.. paper.Categories.Select(c => JsonValue.Create(c))]);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HfTimestamps.AddTo(options);
        return options;
    }
}
