using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Listings;

/// <summary>A paper as a listing page or the daily-papers API shows it: its metadata plus what its listings add up to.</summary>
public sealed record ListedPaper
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Abstract { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public int Version { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Comments { get; init; }

    public string? JournalRef { get; init; }

    public string? Doi { get; init; }

    public string? License { get; init; }

    public string? GithubRepo { get; init; }

    public int? GithubStars { get; init; }

    public string? ProjectPage { get; init; }

    public string? AiSummary { get; init; }

    public IReadOnlyList<string> AiKeywords { get; init; } = [];

    /// <summary>Votes counted by the sources that listed it (imported HF upvotes) plus those cast on this instance.</summary>
    public int Votes { get; init; }

    /// <summary>Comments counted by the sources plus the visible ones in this instance's discussion.</summary>
    public int NumComments { get; init; }

    /// <summary>A moderator hid it; only moderators are ever shown a hidden paper.</summary>
    public bool IsHidden { get; init; }

    /// <summary>The first day any source listed it, within the period asked for (or ever, on a paper page).</summary>
    public DateOnly? ListedOn { get; init; }

    public DateTimeOffset? ListedAt { get; init; }

    public IReadOnlyList<ListingSource> Sources { get; init; } = [];

    public string? SubmittedBy { get; init; }

    public string? ThumbnailUrl { get; init; }

    /// <summary>The Hugging Face item of its first Hugging Face listing (in the period), as served; null if none.</summary>
    public string? HfItem { get; init; }

    public string AbsUrl => $"https://arxiv.org/abs/{Id}";

    public string PdfUrl => $"https://arxiv.org/pdf/{Id}";
}
