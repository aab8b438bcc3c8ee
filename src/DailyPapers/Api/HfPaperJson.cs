using System.ComponentModel;
using System.Text.Json.Serialization;
using DailyPapers.Core.Listings;

namespace DailyPapers.Api;

/// <summary>
/// A paper in the JSON shape Hugging Face's <c>/api/papers/{id}</c> and the <c>paper</c> field of
/// <c>/api/daily_papers</c> use, so clients written for Hugging Face read ours unchanged.
/// </summary>
public sealed record HfPaperJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("authors")] IReadOnlyList<HfAuthorJson> Authors,
    [property: JsonPropertyName("publishedAt")] DateTimeOffset? PublishedAt,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("upvotes"), Description("Votes: Hugging Face's, for a paper imported from there, plus those cast here.")] int Upvotes)
{
    [JsonPropertyName("submittedOnDailyAt")]
    public DateTimeOffset? SubmittedOnDailyAt { get; init; }

    [JsonPropertyName("numComments")]
    public int NumComments { get; init; }

    [JsonPropertyName("githubRepo")]
    public string? GithubRepo { get; init; }

    [JsonPropertyName("githubStars")]
    public int? GithubStars { get; init; }

    [JsonPropertyName("projectPage")]
    public string? ProjectPage { get; init; }

    [JsonPropertyName("ai_summary")]
    public string? AiSummary { get; init; }

    [JsonPropertyName("ai_keywords")]
    public IReadOnlyList<string>? AiKeywords { get; init; }

    /// <summary>Not in Hugging Face's shape; arXiv categories are what our other sources know best.</summary>
    [JsonPropertyName("categories")]
    [Description("Ours, not Hugging Face's: the paper's arXiv categories.")]
    public IReadOnlyList<string>? Categories { get; init; }

    public static HfPaperJson From(ListedPaper paper) =>
        new(paper.Id, paper.Authors.Select(a => new HfAuthorJson(a)).ToList(), paper.SubmittedAt, paper.Title, paper.Abstract, paper.Votes)
        {
            SubmittedOnDailyAt = paper.ListedAt ?? (paper.ListedOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null),
            NumComments = paper.NumComments,
            GithubRepo = paper.GithubRepo,
            GithubStars = paper.GithubStars,
            ProjectPage = paper.ProjectPage,
            AiSummary = paper.AiSummary,
            AiKeywords = paper.AiKeywords.Count > 0 ? paper.AiKeywords : null,
            Categories = paper.Categories.Count > 0 ? paper.Categories : null,
        };
}
