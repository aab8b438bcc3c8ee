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
    /// <summary>
    /// Applies <paramref name="record"/>, observed at <paramref name="observedAt"/>, to <paramref name="paper"/>;
    /// returns whether anything changed.
    /// </summary>
    public static bool Apply(PaperEntity paper, PaperRecord record, DateTime? observedAt)
    {
        var before = Snapshot(paper);
        var incomingVersion = record.Version ?? 0;
        var notOlder = observedAt is null || paper.ObservedAt is null || observedAt >= paper.ObservedAt;
        if (incomingVersion > paper.Version || (incomingVersion == paper.Version && notOlder))
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

        // Links, stars and AI fields change over time: the newest observation wins, an older one only fills gaps.
        var keywords = record.AiKeywords.Count > 0 ? string.Join('\n', record.AiKeywords) : null;
        paper.GithubRepo = Pick(record.GithubRepo, paper.GithubRepo, notOlder);
        paper.GithubStars = notOlder ? record.GithubStars ?? paper.GithubStars : paper.GithubStars ?? record.GithubStars;
        paper.ProjectPage = Pick(record.ProjectPage, paper.ProjectPage, notOlder);
        paper.AiSummary = Pick(record.AiSummary, paper.AiSummary, notOlder);
        paper.AiKeywords = Pick(keywords, paper.AiKeywords, notOlder);
        if (notOlder && observedAt is not null)
        {
            paper.ObservedAt = observedAt;
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
            || (record.ThumbnailUrl is not null && listing.ThumbnailUrl != record.ThumbnailUrl)
            || (record.HfItem is not null && listing.HfItem != record.HfItem);
        listing.Upvotes = record.Upvotes;
        listing.NumComments = record.NumComments;
        listing.SubmittedBy = record.SubmittedBy ?? listing.SubmittedBy;
        listing.ListedAt = Utc(record.ListedAt) ?? listing.ListedAt;
        listing.ThumbnailUrl = record.ThumbnailUrl ?? listing.ThumbnailUrl;
        listing.HfItem = record.HfItem ?? listing.HfItem;
        return changed;
    }

    /// <summary>A copy to merge into, so the row as read stays available for comparison.</summary>
    public static PaperEntity Clone(PaperEntity p) => p.CopyColumns();

    /// <summary>Stored times are UTC with whole-second-or-finer precision kept; SQLite round-trips them as text.</summary>
    public static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;

    private static string? Pick(string? incoming, string? stored, bool incomingIsNewer) =>
        incomingIsNewer ? incoming ?? stored : stored ?? incoming;

    private static DateTime? Earliest(DateTime? a, DateTime? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);

    private static (int, string, string, string, string, DateTime?, DateTime?, string?, string?, string?, string?,
        (string?, int?, string?, string?, string?, bool, DateTime?)) Snapshot(PaperEntity p) =>
        (p.Version, p.Title, p.Abstract, p.Authors, p.Categories, p.SubmittedAt, p.UpdatedAt, p.Comments,
            p.JournalRef, p.Doi, p.License,
            (p.GithubRepo, p.GithubStars, p.ProjectPage, p.AiSummary, p.AiKeywords, p.IsDeleted, p.ObservedAt));
}
