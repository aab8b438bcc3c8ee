using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>Stored rows to the read model; the one place that knows how lists are packed into columns.</summary>
internal static class PaperMapping
{
    public static ListedPaper ToListed(PaperEntity paper, IEnumerable<ListingEntity> listings, ListingPeriod? period)
    {
        var all = listings.ToList();
        var inPeriod = period is null ? all : all.Where(l => l.Day >= period.Start && l.Day <= period.End).ToList();
        var first = inPeriod.OrderBy(l => l.Day).ThenBy(l => l.ListedAt).FirstOrDefault();
        return new ListedPaper
        {
            Id = paper.Id,
            Title = paper.Title,
            Abstract = paper.Abstract,
            Authors = Split(paper.Authors, '\n'),
            Categories = Split(paper.Categories, ' '),
            Version = paper.Version,
            SubmittedAt = Utc(paper.SubmittedAt),
            UpdatedAt = Utc(paper.UpdatedAt),
            Comments = paper.Comments,
            JournalRef = paper.JournalRef,
            Doi = paper.Doi,
            License = paper.License,
            GithubRepo = paper.GithubRepo,
            GithubStars = paper.GithubStars,
            ProjectPage = paper.ProjectPage,
            AiSummary = paper.AiSummary,
            AiKeywords = Split(paper.AiKeywords, '\n'),
            Votes = inPeriod.Sum(l => l.Upvotes) + paper.LocalVotes,
            NumComments = inPeriod.Sum(l => l.NumComments) + paper.LocalComments,
            IsHidden = paper.IsHidden,
            ListedOn = first?.Day,
            ListedAt = Utc(first?.ListedAt),
            Sources = inPeriod.Select(l => l.Source).Distinct().Order().ToList(),
            SubmittedBy = inPeriod.Select(l => l.SubmittedBy).FirstOrDefault(s => s is not null),
            ThumbnailUrl = inPeriod.Select(l => l.ThumbnailUrl).FirstOrDefault(s => s is not null),
            HfItem = inPeriod.Where(l => l.HfItem is not null).OrderBy(l => l.Day).Select(l => l.HfItem).FirstOrDefault(),
        };
    }

    internal static string[] Split(string? packed, char separator) =>
        string.IsNullOrEmpty(packed) ? [] : packed.Split(separator, StringSplitOptions.RemoveEmptyEntries);

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
