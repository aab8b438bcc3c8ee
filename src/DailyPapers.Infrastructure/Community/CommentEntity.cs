namespace DailyPapers.Infrastructure.Community;

/// <summary>A comment in a paper's discussion, or a reply to one. Nothing is ever deleted from this table.</summary>
public sealed class CommentEntity
{
    public long Id { get; set; }

    public string PaperId { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The comment this one answers; null for a top-level comment.</summary>
    public long? ParentId { get; set; }

    /// <summary>Markdown as the author wrote it; rendered (and sanitised) when shown.</summary>
    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>The author deleted it: its text is no longer shown, but replies to it keep their place.</summary>
    public bool IsDeleted { get; set; }

    /// <summary>A moderator hid it; a moderator can restore it.</summary>
    public bool IsHidden { get; set; }
}
