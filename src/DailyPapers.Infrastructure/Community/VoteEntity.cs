namespace DailyPapers.Infrastructure.Community;

/// <summary>One reader's upvote of one paper on this instance: at most one per reader and paper (the key).</summary>
public sealed class VoteEntity
{
    public string PaperId { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>When it was cast: trending decays each local vote from its own time.</summary>
    public DateTime VotedAt { get; set; }
}
