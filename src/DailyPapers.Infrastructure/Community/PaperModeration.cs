using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Community;

/// <summary>
/// Moderators hide a paper (spam, off-topic, a takedown request) or restore it. Hiding deletes nothing: the paper,
/// its listings, votes and comments stay, and restoring brings all of it back. Lists, search and the API leave hidden
/// papers out; the search index drops it when it reads the paper's new change sequence number.
/// </summary>
public sealed class PaperModeration(StoreContextFactory store, StoreVersion version, TimeProvider clock)
{
    /// <summary>False when there is no such paper.</summary>
    public async Task<bool> SetHiddenAsync(ArxivId paper, bool hidden, CancellationToken cancellationToken)
    {
        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        var current = await change.ScalarAsync("SELECT is_hidden FROM papers WHERE id = @id", cancellationToken, ("@id", paper.Value));
        if (current is null)
        {
            return false;
        }

        if (Convert.ToBoolean(current, System.Globalization.CultureInfo.InvariantCulture) != hidden)
        {
            await change.ChangePaperAsync(paper.Value, hidden ? "is_hidden = TRUE" : "is_hidden = FALSE", cancellationToken);
            await change.CommitAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>What moderators have hidden, newest change first: the moderation page's lists, to restore from.</summary>
    public async Task<HiddenItems> HiddenAsync(int take, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var papers = await context.Papers.AsNoTracking()
            .Where(p => p.IsHidden)
            .OrderByDescending(p => p.ChangeSeq)
            .Take(take)
            .Select(p => new HiddenPaper(p.Id, p.Title))
            .ToListAsync(cancellationToken);
        var comments = await context.Comments.AsNoTracking()
            .Where(c => c.IsHidden)
            .OrderByDescending(c => c.Id)
            .Take(take)
            .Join(context.Users, c => c.UserId, u => u.Id, (c, u) => new HiddenComment(c.Id, c.PaperId, u.Handle, c.Body))
            .ToListAsync(cancellationToken);
        return new HiddenItems(papers, comments);
    }
}

public sealed record HiddenItems(IReadOnlyList<HiddenPaper> Papers, IReadOnlyList<HiddenComment> Comments);

public sealed record HiddenPaper(string Id, string Title);

public sealed record HiddenComment(long Id, string PaperId, string AuthorHandle, string Body);
