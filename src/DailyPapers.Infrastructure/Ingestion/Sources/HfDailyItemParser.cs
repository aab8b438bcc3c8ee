using System.Text.Json;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// One daily-papers item: the paper (arXiv metadata plus HF's links and AI summary) and its listing on the day.
/// Handles both schemas seen since 2024 (the 2026 one adds submittedOnDailyAt/By, organization, ai_* fields).
/// </summary>
internal static class HfDailyItemParser
{
    public static SourceItem Parse(JsonElement item, string fileName, int number, DateOnly? fileDay)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new RejectedItem(SourceLocation.Record(fileName, number), $"expected a daily-paper object, found {HfJson.Describe(item.ValueKind)}");
        }

        if (item.Object("paper") is not { } paper)
        {
            return new RejectedItem(SourceLocation.Record(fileName, number), "the item has no \"paper\" object");
        }

        var id = paper.String("id");
        var builder = new PaperRecordBuilder
        {
            Id = id,
            // The item repeats title and summary at the top level (unwrapped); the paper's are arXiv's own.
            Title = paper.String("title") ?? item.String("title"),
            Abstract = paper.String("summary") ?? item.String("summary"),
            SubmittedAt = paper.Date("publishedAt"),
            GithubRepo = paper.String("githubRepo"),
            GithubStars = paper.Int("githubStars"),
            ProjectPage = paper.String("projectPage"),
            AiSummary = paper.String("ai_summary"),
        };
        // Hidden authors are still authors of the paper; "hidden" only hides their HF profile link.
        builder.Authors.AddRange(paper.Array("authors").Select(AuthorName).OfType<string>());
        builder.AiKeywords.AddRange(paper.Array("ai_keywords").Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!));
        if (!builder.TryBuild(out var record, out var error))
        {
            return new RejectedItem(SourceLocation.Record(fileName, number, id), error!);
        }

        var location = SourceLocation.Record(fileName, number, record!.Id.Value);
        var listedAt = paper.Date("submittedOnDailyAt") ?? item.Date("publishedAt");
        // The API's date= (kept in the file name) is the listing day; older items say it nowhere else.
        var day = fileDay ?? (listedAt is { } at ? SourceDates.UtcDay(at) : null);
        if (day is null)
        {
            return new RejectedItem(location, "no listing day: the file name has no YYYY-MM-DD date and the item has neither paper.submittedOnDailyAt nor publishedAt");
        }

        return new PaperItem(location, record, new ListingRecord(day.Value, ListingSource.Hf)
        {
            Upvotes = Math.Max(paper.Int("upvotes") ?? 0, 0),
            NumComments = Math.Max(item.Int("numComments") ?? 0, 0),
            SubmittedBy = SubmittedBy(item, paper),
            ListedAt = listedAt,
            ThumbnailUrl = HttpUrl(item.String("thumbnail")) ?? HttpUrl(item.String("mediaUrl")),
            HfItem = JsonSerializer.Serialize(item),
        });
    }

    // Authors are objects with a name (both schemas); a bare string is accepted in case the API simplifies.
    private static string? AuthorName(JsonElement author) => author.ValueKind switch
    {
        JsonValueKind.Object => author.String("name"),
        JsonValueKind.String => author.GetString(),
        _ => null,
    };

    private static string? SubmittedBy(JsonElement item, JsonElement paper)
    {
        var submitter = item.Object("submittedBy");
        var dailyBy = paper.Object("submittedOnDailyBy");
        return NonBlank(submitter?.String("name")) ?? NonBlank(submitter?.String("fullname"))
            ?? NonBlank(dailyBy?.String("user")) ?? NonBlank(dailyBy?.String("name"));
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // The thumbnail ends up in an <img src>: only absolute http(s) links, as the builder does for paper links.
    private static string? HttpUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.OriginalString : null;
}
