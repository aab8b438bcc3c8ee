using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// "Not interested" and picks (papers a reader ticked as liked): each set or cleared, idempotently, and each moving the
/// reader's signals version. Saves live in <see cref="ReaderCollections"/>, follows in <see cref="ReaderFollows"/>.
/// </summary>
public sealed class ReaderSignals(StoreContextFactory store, TimeProvider clock)
{
    /// <summary>At most this many picks and as many dismissals per reader: far above any honest use.</summary>
    public const int MaxPerKind = 10_000;

    public Task<SignalResult> SetDismissedAsync(string userId, ArxivId paper, bool dismissed, CancellationToken cancellationToken) =>
        SetAsync("dismissals", "dismissed_at", "“not interested” marks", userId, paper, dismissed, cancellationToken);

    public Task<SignalResult> SetPickedAsync(string userId, ArxivId paper, bool picked, CancellationToken cancellationToken) =>
        SetAsync("picks", "picked_at", "picked papers", userId, paper, picked, cancellationToken);

    /// <summary>How many days "for you" looks back (1, 3 or 7) and how personal it is (0 to 100), remembered.</summary>
    public async Task<SignalResult> SetForYouAsync(string userId, int days, int personalWeight, CancellationToken cancellationToken)
    {
        if (days is not (1 or 3 or 7))
        {
            return SignalResult.Invalid("days must be 1, 3 or 7.");
        }

        if (personalWeight is < 0 or > 100)
        {
            return SignalResult.Invalid("The blend must be from 0 (trending only) to 100 (yours only).");
        }

        await using var context = store.CreateContext();
        var changed = await context.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ForYouDays, days).SetProperty(x => x.ForYouPersonalWeight, personalWeight), cancellationToken);
        return changed == 1 ? SignalResult.Done : SignalResult.NotFound("No such account.");
    }

    /// <summary>Which of these papers the reader marked "not interested": for drawing the cards.</summary>
    public async Task<IReadOnlySet<string>> DismissedAmongAsync(string userId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        if (paperIds.Count == 0)
        {
            return new HashSet<string>();
        }

        await using var context = store.CreateContext();
        var ids = paperIds.ToList();
        var dismissed = await context.Dismissals.AsNoTracking()
            .Where(d => d.UserId == userId && ids.Contains(d.PaperId))
            .Select(d => d.PaperId)
            .ToListAsync(cancellationToken);
        return dismissed.ToHashSet(StringComparer.Ordinal);
    }

    private async Task<SignalResult> SetAsync(
        string table, string timeColumn, string what, string userId, ArxivId paper, bool on, CancellationToken cancellationToken)
    {
        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null)
        {
            return SignalResult.NotFound("No such account.");
        }

        if (!on)
        {
            // Clearing needs no visible paper: a reader may take back a mark on a paper hidden since.
            await change.ExecuteAsync($"DELETE FROM {table} WHERE user_id = @user AND paper_id = @paper", cancellationToken, ("@user", userId), ("@paper", paper.Value));
            await change.CommitAsync(cancellationToken);
            return SignalResult.Done;
        }

        if (!await change.PaperIsVisibleAsync(paper.Value, cancellationToken))
        {
            return SignalResult.NotFound($"There is no paper {paper.Value} here.");
        }

        var exists = await change.LongAsync(
            $"SELECT 1 FROM {table} WHERE user_id = @user AND paper_id = @paper", cancellationToken, ("@user", userId), ("@paper", paper.Value)) is not null;
        if (exists)
        {
            return SignalResult.Done;
        }

        var count = await change.LongAsync($"SELECT COUNT(*) FROM {table} WHERE user_id = @user", cancellationToken, ("@user", userId)) ?? 0;
        if (count >= MaxPerKind)
        {
            return SignalResult.Limit(
                $"You have {MaxPerKind.ToString("N0", CultureInfo.InvariantCulture)} {what}, the most one reader can have; remove some first.");
        }

        await change.ExecuteAsync(
            $"INSERT INTO {table} (user_id, paper_id, {timeColumn}) VALUES (@user, @paper, @now)",
            cancellationToken,
            ("@user", userId),
            ("@paper", paper.Value),
            ("@now", change.Now));
        await change.CommitAsync(cancellationToken);
        return SignalResult.Done;
    }
}
