using System.Text.Json.Serialization;
using DailyPapers.Core.Listings;

namespace DailyPapers.Api;

/// <summary>One item of Hugging Face's <c>/api/daily_papers</c> array.</summary>
public sealed record HfDailyItemJson(
    [property: JsonPropertyName("paper")] HfPaperJson Paper,
    [property: JsonPropertyName("publishedAt")] DateTimeOffset? PublishedAt,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("thumbnail")] string Thumbnail,
    [property: JsonPropertyName("numComments")] int NumComments)
{
    [JsonPropertyName("submittedBy")]
    public HfUserJson? SubmittedBy { get; init; }

    [JsonPropertyName("isAuthorParticipating")]
    public bool IsAuthorParticipating => false;

    public static HfDailyItemJson From(ListedPaper paper)
    {
        var json = HfPaperJson.From(paper);
        return new HfDailyItemJson(json, json.SubmittedOnDailyAt, paper.Title, paper.Abstract,
            paper.ThumbnailUrl ?? $"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{paper.Id}.png", paper.NumComments)
        {
            SubmittedBy = paper.SubmittedBy is { } name ? new HfUserJson(name, name) : null,
        };
    }
}
