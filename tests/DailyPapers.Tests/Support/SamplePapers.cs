using DailyPapers.Core.Papers;

namespace DailyPapers.Tests.Support;

/// <summary>Small hand-made source items for store tests (importer tests use the real files).</summary>
public static class SamplePapers
{
    public static PaperItem Item(
        string id,
        string title = "A Paper",
        int? version = 1,
        string categories = "cs.LG",
        DateOnly? listedOn = null,
        ListingSource source = ListingSource.Arxiv,
        int upvotes = 0,
        string? githubRepo = null,
        DateTimeOffset? submittedAt = null)
    {
        var builder = new PaperRecordBuilder
        {
            Id = id,
            Title = title,
            Abstract = $"The abstract of {title}, with math $x^2$.",
            Categories = categories,
            Version = version,
            SubmittedAt = submittedAt ?? new DateTimeOffset(2025, 6, 9, 0, 0, 0, TimeSpan.Zero),
            GithubRepo = githubRepo,
        };
        builder.Authors.AddRange(["Ada Lovelace", "Alan Turing"]);
        Assert.True(builder.TryBuild(out var record, out var error), error);
        var listing = listedOn is { } day ? new ListingRecord(day, source) { Upvotes = upvotes } : null;
        return new PaperItem($"sample#{id}", record!, listing);
    }
}
