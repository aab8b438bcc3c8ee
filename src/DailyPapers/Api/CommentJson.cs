using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Discussion;

namespace DailyPapers.Api;

/// <summary>A comment in the API: the Markdown as written and the same sanitised HTML the page shows.</summary>
public sealed record CommentJson(
    long Id,
    long? ParentId,
    CommentAuthorJson? Author,
    string? Body,
    string? Html,
    DateTime CreatedAt,
    DateTime? EditedAt,
    bool Deleted,
    bool Hidden)
{
    public static CommentJson From(CommentView c, RenderedComments markdown) => new(
        c.Id,
        c.ParentId,
        !c.ShowsAuthor ? null : new CommentAuthorJson(c.AuthorHandle, c.AuthorName),
        c.Body,
        c.Body is null ? null : markdown.ToHtml(c.Body),
        c.CreatedAt,
        c.EditedAt,
        c.IsDeleted,
        c.IsHidden);
}

public sealed record CommentAuthorJson(string Handle, string Name);
