namespace DailyPapers.Infrastructure.Storage;

/// <summary>A paper as stored: the single source of truth the pages, API and search index read.</summary>
public sealed class PaperEntity
{
    /// <summary>The arXiv id without version (see <c>ArxivId</c>).</summary>
    public string Id { get; set; } = "";

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string Abstract { get; set; } = "";

    /// <summary>Author names joined by newlines (names never contain one after normalisation).</summary>
    public string Authors { get; set; } = "";

    /// <summary>Categories separated by spaces, primary first, as arXiv lists them.</summary>
    public string Categories { get; set; } = "";

    public DateTime? SubmittedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public string? Comments { get; set; }

    public string? JournalRef { get; set; }

    public string? Doi { get; set; }

    public string? License { get; set; }

    public string? GithubRepo { get; set; }

    public int? GithubStars { get; set; }

    public string? ProjectPage { get; set; }

    public string? AiSummary { get; set; }

    /// <summary>Keywords joined by newlines.</summary>
    public string? AiKeywords { get; set; }

    /// <summary>
    /// When the newest record merged into this row was observed (its listing time, else its version date).
    /// An older observation never overrides a newer one, so the order of imports does not matter.
    /// </summary>
    public DateTime? ObservedAt { get; set; }

    /// <summary>The source withdrew the paper (OAI-PMH deletion); it is kept but no longer shown.</summary>
    public bool IsDeleted { get; set; }

    /// <summary>A moderator hid it: gone from lists, feeds, search and the API until restored; nothing is deleted.</summary>
    public bool IsHidden { get; set; }

    /// <summary>Upvotes cast on this instance (one row each in <c>votes</c>), kept beside the paper for ranking.</summary>
    public int LocalVotes { get; set; }

    /// <summary>Visible comments in its discussion on this instance (not deleted, not hidden).</summary>
    public int LocalComments { get; set; }

    /// <summary>Position in the store's change sequence: bumped by every write, followed by the search index.</summary>
    public long ChangeSeq { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ModifiedAt { get; set; }

    public List<ListingEntity> Listings { get; set; } = [];

    /// <summary>A copy of the column values (not the listings), for merging without touching the row as read.</summary>
    public PaperEntity CopyColumns()
    {
        var copy = (PaperEntity)MemberwiseClone();
        copy.Listings = [];
        return copy;
    }
}
