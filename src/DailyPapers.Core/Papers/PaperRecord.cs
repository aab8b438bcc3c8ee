namespace DailyPapers.Core.Papers;

/// <summary>
/// One paper as a source describes it, already validated and normalised (see <see cref="PaperRecordBuilder"/>).
/// Fields a source does not know are null or empty, and an import never erases stored values with them.
/// </summary>
public sealed record PaperRecord
{
    public required ArxivId Id { get; init; }

    /// <summary>The arXiv version this record describes, when the source says.</summary>
    public int? Version { get; init; }

    public required string Title { get; init; }

    /// <summary>Whitespace-normalised abstract; paragraphs separated by a blank line.</summary>
    public required string Abstract { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>arXiv categories, primary first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>When the first version was submitted (or first listed, where that is all a source knows).</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When the version described here was submitted.</summary>
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
}
