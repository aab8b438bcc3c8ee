using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// How an incoming record changes a stored paper. A record describing an older arXiv version than the one stored
/// never overrides its metadata, and unknown fields never erase known ones, so importing sources in any order,
/// any number of times, converges on the same row.
/// </summary>
internal static class PaperMerge
{
    /// <summary>Applies <paramref name="record"/> to <paramref name="paper"/>; returns whether anything changed.</summary>
    public static bool Apply(PaperEntity paper, PaperRecord record)
    {
        var before = Snapshot(paper);
        var incomingVersion = record.Version ?? 0;
        if (incomingVersion >= paper.Version)
        {
            paper.Version = incomingVersion;
            paper.Title = record.Title;
            paper.Abstract = record.Abstract.Length > 0 ? record.Abstract : paper.Abstract;
            paper.Authors = record.Authors.Count > 0 ? string.Join('\n', record.Authors) : paper.Authors;
            paper.Categories = record.Categories.Count > 0 ? string.Join(' ', record.Categories) : paper.Categories;
            paper.UpdatedAt = Utc(record.UpdatedAt) ?? paper.UpdatedAt;
            paper.Comments = record.Comments ?? paper.Comments;
            paper.JournalRef = record.JournalRef ?? paper.JournalRef;
            paper.Doi = record.Doi ?? paper.Doi;
            paper.License = record.License ?? paper.License;
            paper.IsDeleted = false;
        }
        else if (paper.Categories.Length == 0 && record.Categories.Count > 0)
        {
            paper.Categories = string.Join(' ', record.Categories);
        }

        paper.SubmittedAt = Earliest(paper.SubmittedAt, Utc(record.SubmittedAt));
        paper.GithubRepo = record.GithubRepo ?? paper.GithubRepo;
        paper.GithubStars = record.GithubStars ?? paper.GithubStars;
        paper.ProjectPage = record.ProjectPage ?? paper.ProjectPage;
        paper.AiSummary = record.AiSummary ?? paper.AiSummary;
        if (record.AiKeywords.Count > 0)
        {
            paper.AiKeywords = string.Join('\n', record.AiKeywords);
        }

        return before != Snapshot(paper);
    }

    /// <summary>Applies a listing's counts; returns whether anything changed.</summary>
    public static bool Apply(ListingEntity listing, ListingRecord record)
    {
        var changed = listing.Upvotes != record.Upvotes
            || listing.NumComments != record.NumComments
            || (record.SubmittedBy is not null && listing.SubmittedBy != record.SubmittedBy)
            || (record.ListedAt is not null && listing.ListedAt != Utc(record.ListedAt))
            || (record.ThumbnailUrl is not null && listing.ThumbnailUrl != record.ThumbnailUrl);
        listing.Upvotes = record.Upvotes;
        listing.NumComments = record.NumComments;
        listing.SubmittedBy = record.SubmittedBy ?? listing.SubmittedBy;
        listing.ListedAt = Utc(record.ListedAt) ?? listing.ListedAt;
        listing.ThumbnailUrl = record.ThumbnailUrl ?? listing.ThumbnailUrl;
        return changed;
    }

    public static PaperEntity Clone(PaperEntity p) => new()
    {
        Id = p.Id,
        Version = p.Version,
        Title = p.Title,
        Abstract = p.Abstract,
        Authors = p.Authors,
        Categories = p.Categories,
        SubmittedAt = p.SubmittedAt,
        UpdatedAt = p.UpdatedAt,
        Comments = p.Comments,
        JournalRef = p.JournalRef,
        Doi = p.Doi,
        License = p.License,
        GithubRepo = p.GithubRepo,
        GithubStars = p.GithubStars,
        ProjectPage = p.ProjectPage,
        AiSummary = p.AiSummary,
        AiKeywords = p.AiKeywords,
        IsDeleted = p.IsDeleted,
        ChangeSeq = p.ChangeSeq,
        CreatedAt = p.CreatedAt,
        ModifiedAt = p.ModifiedAt,
    };

    /// <summary>Stored times are UTC with whole-second-or-finer precision kept; SQLite round-trips them as text.</summary>
    public static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;

    private static DateTime? Earliest(DateTime? a, DateTime? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);

    private static (int, string, string, string, string, DateTime?, DateTime?, string?, string?, string?, string?,
        (string?, int?, string?, string?, string?, bool)) Snapshot(PaperEntity p) =>
        (p.Version, p.Title, p.Abstract, p.Authors, p.Categories, p.SubmittedAt, p.UpdatedAt, p.Comments,
            p.JournalRef, p.Doi, p.License,
            (p.GithubRepo, p.GithubStars, p.ProjectPage, p.AiSummary, p.AiKeywords, p.IsDeleted));
}
