using DailyPapers.Core.Papers;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>Hand-made papers whose every searchable field a test chooses.</summary>
public static class LexicalPapers
{
    public static PaperItem Paper(
        string id,
        string title,
        string abstractText = "An abstract.",
        string[]? authors = null,
        string categories = "cs.LG",
        DateOnly? submitted = null,
        int upvotes = 0,
        string? githubRepo = null)
    {
        var builder = new PaperRecordBuilder
        {
            Id = id,
            Title = title,
            Abstract = abstractText,
            Categories = categories,
            Version = 1,
            SubmittedAt = (submitted ?? new DateOnly(2025, 6, 9)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            GithubRepo = githubRepo,
        };
        builder.Authors.AddRange(authors ?? ["Ada Lovelace"]);
        Assert.True(builder.TryBuild(out var record, out var error), error);
        var listing = new ListingRecord(submitted ?? new DateOnly(2025, 6, 9), ListingSource.Hf) { Upvotes = upvotes };
        return new PaperItem($"lexical#{id}", record!, listing);
    }

    public static DeletionItem Deletion(string id)
    {
        Assert.True(ArxivId.TryParse(id, out var arxivId));
        return new DeletionItem($"lexical#{id}", arxivId);
    }
}
