using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Community;

/// <summary>
/// A paper's discussion: threaded comments in Markdown. Authors edit and delete their own; moderators hide and restore
/// any. Every change that alters the visible count moves the paper along the change sequence, so cached pages follow.
/// </summary>
public sealed class PaperComments(StoreContextFactory store, StoreVersion version, TimeProvider clock)
{
    public const int MaxLength = 10_000;

    /// <summary>The whole discussion of a paper in posting order; hidden comments only for moderators.</summary>
    public async Task<IReadOnlyList<CommentView>> ListAsync(ArxivId paper, bool includeHidden, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Comments.AsNoTracking()
            .Where(c => c.PaperId == paper.Value)
            .OrderBy(c => c.Id)
            .Join(context.Users, c => c.UserId, u => u.Id, (c, u) => new { Comment = c, u.Handle, u.DisplayName })
            .ToListAsync(cancellationToken);
        // A hidden or deleted comment with answers keeps its place (as a placeholder) so the thread still reads.
        var answered = rows.Where(r => !r.Comment.IsHidden && !r.Comment.IsDeleted && r.Comment.ParentId is not null)
            .Select(r => r.Comment.ParentId!.Value)
            .ToHashSet();
        return [.. rows
            .Where(r => includeHidden || !(r.Comment.IsHidden || r.Comment.IsDeleted) || answered.Contains(r.Comment.Id))
            .Select(r => CommentView.From(r.Comment, r.Handle, r.DisplayName, includeHidden))];
    }

    /// <summary>A reader's comments, newest first, on papers that are still shown: for their profile.</summary>
    public async Task<IReadOnlyList<(CommentView Comment, string PaperId, string PaperTitle)>> ByUserAsync(
        string userId, int take, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Comments.AsNoTracking()
            .Where(c => c.UserId == userId && !c.IsDeleted && !c.IsHidden)
            .Join(context.Papers.Where(p => !p.IsHidden && !p.IsDeleted), c => c.PaperId, p => p.Id, (c, p) => new { Comment = c, p.Title })
            .OrderByDescending(r => r.Comment.Id)
            .Take(take)
            .Join(context.Users, r => r.Comment.UserId, u => u.Id, (r, u) => new { r.Comment, r.Title, u.Handle, u.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (CommentView.From(r.Comment, r.Handle, r.DisplayName, false), r.Comment.PaperId, r.Title))];
    }

    public async Task<CommentResult> AddAsync(ArxivId paper, string userId, long? parentId, string body, CancellationToken cancellationToken)
    {
        if (Invalid(body) is { } problem)
        {
            return problem;
        }

        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        var shown = await change.ScalarAsync(
            "SELECT 1 FROM papers WHERE id = @id AND NOT is_deleted AND NOT is_hidden", cancellationToken, ("@id", paper.Value));
        if (shown is null)
        {
            return CommentResult.Fail(CommentFailure.NotFound, $"There is no paper {paper} to discuss.");
        }

        if (parentId is { } parent)
        {
            var parentPaper = await change.ScalarAsync(
                "SELECT paper_id FROM comments WHERE id = @id AND NOT is_hidden", cancellationToken, ("@id", parent));
            if (parentPaper as string != paper.Value)
            {
                return CommentResult.Fail(CommentFailure.NotFound, "The comment you replied to is not in this discussion.");
            }
        }

        var id = Convert.ToInt64(
            await change.ScalarAsync(
                "INSERT INTO comments (paper_id, user_id, parent_id, body, created_at, is_deleted, is_hidden) " +
                "VALUES (@paper, @user, @parent, @body, @now, FALSE, FALSE) RETURNING id",
                cancellationToken,
                ("@paper", paper.Value),
                ("@user", userId),
                ("@parent", parentId),
                ("@body", body),
                ("@now", change.Now)),
            CultureInfo.InvariantCulture);
        await change.ChangePaperAsync(paper.Value, "local_comments = local_comments + 1", cancellationToken);
        await change.CommitAsync(cancellationToken);
        return CommentResult.Done(id);
    }

    /// <summary>Replaces the text of the reader's own comment.</summary>
    public async Task<CommentResult> EditAsync(long commentId, string userId, string body, CancellationToken cancellationToken)
    {
        if (Invalid(body) is { } problem)
        {
            return problem;
        }

        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        if (await OwnAsync(change, commentId, userId, cancellationToken) is { } refused)
        {
            return refused;
        }

        await change.ExecuteAsync(
            "UPDATE comments SET body = @body, edited_at = @now WHERE id = @id",
            cancellationToken,
            ("@body", body),
            ("@now", change.Now),
            ("@id", commentId));
        await change.ChangePaperAsync(await PaperOfAsync(change, commentId, cancellationToken), set: null, cancellationToken);
        await change.CommitAsync(cancellationToken);
        return CommentResult.Done(commentId);
    }

    /// <summary>Deletes the reader's own comment: its text is no longer shown; the row stays (moderators' record).</summary>
    public async Task<CommentResult> DeleteAsync(long commentId, string userId, CancellationToken cancellationToken)
    {
        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        if (await OwnAsync(change, commentId, userId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var hidden = await change.ScalarAsync("SELECT 1 FROM comments WHERE id = @id AND is_hidden", cancellationToken, ("@id", commentId)) is not null;
        await change.ExecuteAsync("UPDATE comments SET is_deleted = TRUE, edited_at = @now WHERE id = @id", cancellationToken, ("@now", change.Now), ("@id", commentId));
        var paper = await PaperOfAsync(change, commentId, cancellationToken);
        await change.ChangePaperAsync(paper, hidden ? null : "local_comments = local_comments - 1", cancellationToken);
        await change.CommitAsync(cancellationToken);
        return CommentResult.Done(commentId);
    }

    /// <summary>A moderator hides (or restores) any comment; a deleted one stays deleted.</summary>
    public async Task<CommentResult> SetHiddenAsync(long commentId, bool hidden, CancellationToken cancellationToken)
    {
        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        var row = await change.ScalarAsync(
            "SELECT CASE WHEN is_deleted THEN 'deleted' WHEN is_hidden THEN 'hidden' ELSE 'shown' END FROM comments WHERE id = @id",
            cancellationToken,
            ("@id", commentId)) as string;
        if (row is null)
        {
            return CommentResult.Fail(CommentFailure.NotFound, "There is no such comment.");
        }

        if ((row == "hidden") == hidden)
        {
            return CommentResult.Done(commentId);
        }

        await change.ExecuteAsync(
            $"UPDATE comments SET is_hidden = {(hidden ? "TRUE" : "FALSE")} WHERE id = @id", cancellationToken, ("@id", commentId));
        var paper = await PaperOfAsync(change, commentId, cancellationToken);
        var count = row == "deleted" ? null : hidden ? "local_comments = local_comments - 1" : "local_comments = local_comments + 1";
        await change.ChangePaperAsync(paper, count, cancellationToken);
        await change.CommitAsync(cancellationToken);
        return CommentResult.Done(commentId);
    }

    private static CommentResult? Invalid(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return CommentResult.Fail(CommentFailure.Invalid, "Write something first: the comment is empty.");
        }

        return body.Length > MaxLength
            ? CommentResult.Fail(CommentFailure.Invalid, $"A comment can have at most {MaxLength:N0} characters; this one has {body.Length:N0}.")
            : null;
    }

    private static async Task<CommentResult?> OwnAsync(PaperChangeTransaction change, long commentId, string userId, CancellationToken cancellationToken)
    {
        var owner = await change.ScalarAsync(
            "SELECT user_id FROM comments WHERE id = @id AND NOT is_deleted", cancellationToken, ("@id", commentId)) as string;
        if (owner is null)
        {
            return CommentResult.Fail(CommentFailure.NotFound, "There is no such comment (it may have been deleted).");
        }

        return owner == userId ? null : CommentResult.Fail(CommentFailure.Forbidden, "You can only change your own comments.");
    }

    private static async Task<string> PaperOfAsync(PaperChangeTransaction change, long commentId, CancellationToken cancellationToken) =>
        (string)(await change.ScalarAsync("SELECT paper_id FROM comments WHERE id = @id", cancellationToken, ("@id", commentId)))!;
}
