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

    /// <summary>
    /// The same text posted again by the same reader, under the same comment, this soon after is a double click or a
    /// resubmitted form: it answers with the first comment instead of posting a second.
    /// </summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The whole discussion of a paper in posting order; hidden comments only for moderators. Whether the paper itself
    /// may be shown is the caller's to check (the paper page has read it already).
    /// </summary>
    public async Task<IReadOnlyList<CommentView>> ListAsync(ArxivId paper, bool includeHidden, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Comments.AsNoTracking()
            .Where(c => c.PaperId == paper.Value)
            .OrderBy(c => c.Id)
            .Join(context.Users, c => c.UserId, u => u.Id, (c, u) => new { Comment = c, u.Handle, u.DisplayName })
            .ToListAsync(cancellationToken);
        // A hidden or deleted comment above a visible one keeps its place (as a placeholder), however far up, so the
        // thread still reads: the page draws replies under their parents.
        var parents = rows.ToDictionary(r => r.Comment.Id, r => r.Comment.ParentId);
        var needed = new HashSet<long>();
        foreach (var row in rows.Where(r => !r.Comment.IsHidden && !r.Comment.IsDeleted))
        {
            for (var id = (long?)row.Comment.Id; id is { } at && needed.Add(at); id = parents.GetValueOrDefault(at))
            {
            }
        }

        return [.. rows
            .Where(r => includeHidden || needed.Contains(r.Comment.Id))
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
        body = Normalised(body);
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
            var parentState = await change.ScalarAsync(
                "SELECT CASE WHEN is_hidden THEN 'hidden' WHEN is_deleted THEN 'deleted' ELSE 'shown' END FROM comments " +
                "WHERE id = @id AND paper_id = @paper",
                cancellationToken,
                ("@id", parent),
                ("@paper", paper.Value)) as string;
            if (parentState != "shown")
            {
                return CommentResult.Fail(CommentFailure.NotFound, parentState switch
                {
                    "hidden" => "The comment you replied to has been hidden by a moderator.",
                    "deleted" => "The comment you replied to has been deleted by its author.",
                    _ => "The comment you replied to is not in this discussion.",
                });
            }
        }

        (string, object?)[] same = [("@paper", paper.Value), ("@user", userId), ("@body", body), ("@since", change.Now - RepeatWindow)];
        var repeated = await change.ScalarAsync(
            "SELECT id FROM comments WHERE paper_id = @paper AND user_id = @user AND body = @body AND created_at >= @since " +
            "AND NOT is_deleted AND NOT is_hidden AND " + (parentId is null ? "parent_id IS NULL" : "parent_id = @parent"),
            cancellationToken,
            parentId is null ? same : [.. same, ("@parent", parentId)]);
        if (repeated is not null)
        {
            return CommentResult.Done(Convert.ToInt64(repeated, CultureInfo.InvariantCulture));
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

    /// <summary>
    /// Replaces the text of the reader's own comment; <paramref name="onPaper"/>, when given, is the paper whose page
    /// the edit came from, and a comment on another paper is not found there.
    /// </summary>
    public async Task<CommentResult> EditAsync(long commentId, string userId, string body, ArxivId? onPaper, CancellationToken cancellationToken)
    {
        body = Normalised(body);
        if (Invalid(body) is { } problem)
        {
            return problem;
        }

        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        if (await OwnAsync(change, commentId, userId, onPaper, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await change.ScalarAsync("SELECT 1 FROM comments WHERE id = @id AND is_hidden", cancellationToken, ("@id", commentId)) is not null)
        {
            return CommentResult.Fail(CommentFailure.Forbidden, "A moderator has hidden this comment, so it can no longer be edited.");
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
    public async Task<CommentResult> DeleteAsync(long commentId, string userId, ArxivId? onPaper, CancellationToken cancellationToken)
    {
        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        if (await OwnAsync(change, commentId, userId, onPaper, cancellationToken) is { } refused)
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
    public async Task<CommentResult> SetHiddenAsync(long commentId, bool hidden, ArxivId? onPaper, CancellationToken cancellationToken)
    {
        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        var row = await change.ScalarAsync(
            "SELECT CASE WHEN is_deleted THEN 'deleted' WHEN is_hidden THEN 'hidden' ELSE 'shown' END FROM comments WHERE id = @id" + OnPaper(onPaper),
            cancellationToken,
            WithPaper(onPaper, ("@id", commentId))) as string;
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

    /// <summary>
    /// Line breaks as one character, whatever the browser sent: a form posts CRLF, which would otherwise count twice
    /// against <see cref="MaxLength"/> after the text area's own limit let it through.
    /// </summary>
    private static string Normalised(string body) => body.ReplaceLineEndings("\n");

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

    private static async Task<CommentResult?> OwnAsync(
        PaperChangeTransaction change, long commentId, string userId, ArxivId? onPaper, CancellationToken cancellationToken)
    {
        var owner = await change.ScalarAsync(
            "SELECT user_id FROM comments WHERE id = @id AND NOT is_deleted" + OnPaper(onPaper),
            cancellationToken,
            WithPaper(onPaper, ("@id", commentId))) as string;
        if (owner is null)
        {
            return CommentResult.Fail(CommentFailure.NotFound, "There is no such comment (it may have been deleted).");
        }

        return owner == userId ? null : CommentResult.Fail(CommentFailure.Forbidden, "You can only change your own comments.");
    }

    /// <summary>A comment asked for from a paper's page must be on that paper (a condition to append, or none).</summary>
    private static string OnPaper(ArxivId? paper) => paper is null ? "" : " AND paper_id = @paper";

    private static (string, object?)[] WithPaper(ArxivId? paper, (string, object?) parameter) =>
        paper is { } on ? [parameter, ("@paper", on.Value)] : [parameter];

    private static async Task<string> PaperOfAsync(PaperChangeTransaction change, long commentId, CancellationToken cancellationToken) =>
        (string)(await change.ScalarAsync("SELECT paper_id FROM comments WHERE id = @id", cancellationToken, ("@id", commentId)))!;
}
