namespace DailyPapers.Infrastructure.Signals;

/// <summary>An author or a category a reader follows: their papers get a boost and a reason on the reader's list.</summary>
public sealed class FollowEntity
{
    public string UserId { get; set; } = "";

    public FollowKind Kind { get; set; }

    /// <summary>
    /// What a paper is matched by: a category as arXiv writes it (cs.CL), or an author's name folded
    /// (<see cref="Core.Papers.AuthorKey"/>) so that "Yann LeCun" and "yann lecun" are one follow; a category in lower case.
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>As the reader or arXiv wrote it, for showing.</summary>
    public string Label { get; set; } = "";

    public DateTime FollowedAt { get; set; }
}
