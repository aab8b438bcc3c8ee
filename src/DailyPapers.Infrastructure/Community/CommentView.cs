namespace DailyPapers.Infrastructure.Community;

/// <summary>A comment as the discussion shows it. <see cref="Body"/> is null when it is not to be shown (deleted, hidden).</summary>
public sealed record CommentView(
    long Id,
    long? ParentId,
    string AuthorId,
    string AuthorHandle,
    string AuthorName,
    string? Body,
    DateTime CreatedAt,
    DateTime? EditedAt,
    bool IsDeleted,
    bool IsHidden)
{
    /// <summary>Whether the author is named: not on a placeholder (deleted, or hidden from a reader), whose author is blank.</summary>
    public bool ShowsAuthor => AuthorHandle.Length > 0;

    internal static CommentView From(CommentEntity c, string handle, string name, bool forModerator)
    {
        // A deleted comment is gone for readers, its author too; moderators see who wrote what they hid or was deleted.
        var placeholder = c.IsDeleted || (c.IsHidden && !forModerator);
        var named = forModerator || !placeholder;
        return new(
            c.Id,
            c.ParentId,
            named ? c.UserId : "",
            named ? handle : "",
            named ? name : "",
            placeholder ? null : c.Body,
            DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc),
            c.EditedAt is { } edited ? DateTime.SpecifyKind(edited, DateTimeKind.Utc) : null,
            c.IsDeleted,
            c.IsHidden);
    }
}

public enum CommentFailure
{
    None,
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>What a comment write did: the comment's id, or why it was refused, in words fit for the reader.</summary>
public sealed record CommentResult(long Id, CommentFailure Failure, string? Message)
{
    public bool Succeeded => Failure == CommentFailure.None;

    public static CommentResult Done(long id) => new(id, CommentFailure.None, null);

    public static CommentResult Fail(CommentFailure failure, string message) => new(0, failure, message);
}
