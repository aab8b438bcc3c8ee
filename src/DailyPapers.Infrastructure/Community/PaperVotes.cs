using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Community;

/// <summary>A reader's vote on a paper after a change, and the paper's votes (imported plus local) counted with it.</summary>
public sealed record VoteState(bool Voted, int Upvotes);

/// <summary>
/// Upvotes: one per reader and paper (the <c>votes</c> key), counted beside the paper in the same transaction, so the
/// count stays exact however many readers vote at once: on PostgreSQL in one statement (<see cref="VoteStatement"/>),
/// on SQLite, whose writes run in-process and one at a time anyway, in a <see cref="PaperChangeTransaction"/>.
/// </summary>
public sealed class PaperVotes(StoreContextFactory store, StoreVersion version, TimeProvider clock)
{
    /// <summary>
    /// Casts (<paramref name="voted"/> true) or takes back the reader's vote; doing either twice changes nothing.
    /// Null when there is no such paper to vote on (not stored, withdrawn or hidden).
    /// </summary>
    public async Task<VoteState?> SetAsync(ArxivId paper, string userId, bool voted, CancellationToken cancellationToken)
    {
        if (store.Provider == StoreProvider.Postgres)
        {
            return await VoteStatement.SetAsync(store, version, paper, userId, voted, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        var local = await change.ScalarAsync(
            "SELECT local_votes FROM papers WHERE id = @id AND NOT is_deleted AND NOT is_hidden",
            cancellationToken,
            ("@id", paper.Value));
        if (local is null)
        {
            return null;
        }

        var changed = voted
            ? await change.ExecuteAsync(
                "INSERT INTO votes (paper_id, user_id, voted_at) VALUES (@paper, @user, @now) ON CONFLICT DO NOTHING",
                cancellationToken,
                ("@paper", paper.Value),
                ("@user", userId),
                ("@now", change.Now))
            : await change.ExecuteAsync(
                "DELETE FROM votes WHERE paper_id = @paper AND user_id = @user",
                cancellationToken,
                ("@paper", paper.Value),
                ("@user", userId));
        var localVotes = Convert.ToInt32(local, CultureInfo.InvariantCulture);
        if (changed > 0)
        {
            await change.ChangePaperAsync(paper.Value, voted ? "local_votes = local_votes + 1" : "local_votes = local_votes - 1", cancellationToken);
            localVotes += voted ? 1 : -1;
            // A vote teaches the voter's "for you" model: a model trained before it is stale (ReaderSignalSet).
            await change.ExecuteAsync("UPDATE users SET signals_version = signals_version + 1 WHERE id = @user", cancellationToken, ("@user", userId));
        }

        var imported = await change.ScalarAsync(
            "SELECT COALESCE(SUM(upvotes), 0) FROM listings WHERE paper_id = @id", cancellationToken, ("@id", paper.Value));
        await change.CommitAsync(cancellationToken);
        return new VoteState(voted, Convert.ToInt32(imported, CultureInfo.InvariantCulture) + localVotes);
    }

    /// <summary>Which of these papers the reader has upvoted: for drawing the buttons pressed.</summary>
    public async Task<IReadOnlySet<string>> VotedAmongAsync(string userId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        if (paperIds.Count == 0)
        {
            return new HashSet<string>();
        }

        await using var context = store.CreateContext();
        var ids = paperIds.ToList();
        var voted = await context.Votes.AsNoTracking()
            .Where(v => v.UserId == userId && ids.Contains(v.PaperId))
            .Select(v => v.PaperId)
            .ToListAsync(cancellationToken);
        return voted.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The papers the reader upvoted, newest vote first, leaving out hidden papers: for a public profile.</summary>
    public async Task<IReadOnlyList<(string PaperId, string Title, DateTime VotedAt)>> ByUserAsync(string userId, int take, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Votes.AsNoTracking()
            .Where(v => v.UserId == userId)
            .Join(context.Papers.Where(p => !p.IsHidden && !p.IsDeleted), v => v.PaperId, p => p.Id, (v, p) => new { v.PaperId, p.Title, v.VotedAt })
            .OrderByDescending(r => r.VotedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.PaperId, r.Title, DateTime.SpecifyKind(r.VotedAt, DateTimeKind.Utc)))];
    }
}
