using System.Globalization;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>
/// Deletes an account and everything its reader gave, in one transaction: comments (replies to them move up to the
/// nearest remaining comment), submissions (the papers stay on the day's list they were featured on, without the
/// submitter's name), votes (the papers keep the counts, anonymous), signals, collections, tokens, the subscription of
/// the account's address with its alerts and mails, and the account itself.
/// </summary>
public sealed class AccountDeletion(StoreContextFactory store, StoreVersion version, TimeProvider clock)
{
    /// <summary>False when there was no such account.</summary>
    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        // The change transaction: comments and curated listings are what papers show, so the index and caches follow.
        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        var email = (string?)await change.ScalarAsync("SELECT normalized_email FROM users WHERE id = @user", cancellationToken, ("@user", userId));
        if (await change.ScalarAsync("SELECT handle FROM users WHERE id = @user", cancellationToken, ("@user", userId)) is not string handle)
        {
            return false;
        }

        var touched = new HashSet<string>(StringComparer.Ordinal);
        await DeleteCommentsAsync(change, userId, touched, cancellationToken);
        await change.ExecuteAsync(
            "UPDATE listings SET submitted_by = NULL WHERE source = @curated AND submitted_by = @handle AND paper_id IN (SELECT paper_id FROM submissions WHERE user_id = @user)",
            cancellationToken,
            ("@curated", (int)ListingSource.Curated),
            ("@handle", handle),
            ("@user", userId));
        foreach (var paper in await IdsAsync(change, "SELECT DISTINCT paper_id FROM submissions WHERE user_id = @user", userId, cancellationToken))
        {
            touched.Add(paper);
        }

        await change.ExecuteAsync("DELETE FROM submissions WHERE user_id = @user", cancellationToken, ("@user", userId));
        if (email is not null)
        {
            const string Subscription = "SELECT id FROM subscriptions WHERE normalized_email = @email OR user_id = @user";
            await change.ExecuteAsync($"DELETE FROM outbox WHERE subscription_id IN ({Subscription})", cancellationToken, ("@email", email), ("@user", userId));
            await change.ExecuteAsync($"DELETE FROM saved_searches WHERE subscription_id IN ({Subscription})", cancellationToken, ("@email", email), ("@user", userId));
            await change.ExecuteAsync("DELETE FROM subscriptions WHERE normalized_email = @email OR user_id = @user", cancellationToken, ("@email", email), ("@user", userId));
        }

        // Votes, signals, collections, tokens and Identity's rows go with the account (cascade); the papers keep
        // their local_votes, so the counts stay as they were, with no one behind them.
        await change.ExecuteAsync("DELETE FROM saved_papers WHERE collection_id IN (SELECT id FROM collections WHERE user_id = @user)", cancellationToken, ("@user", userId));
        foreach (var table in new[] { "collections", "dismissals", "picks", "follows", "votes", "access_tokens", "user_roles", "user_claims", "user_logins", "user_tokens" })
        {
            await change.ExecuteAsync($"DELETE FROM {table} WHERE user_id = @user", cancellationToken, ("@user", userId));
        }

        await change.ExecuteAsync("DELETE FROM users WHERE id = @user", cancellationToken, ("@user", userId));
        foreach (var paper in touched)
        {
            await change.ChangePaperAsync(paper, null, cancellationToken);
        }

        await change.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task DeleteCommentsAsync(PaperChangeTransaction change, string userId, HashSet<string> touched, CancellationToken cancellationToken)
    {
        // Every comment on the papers they commented on: few, and enough to re-parent replies in memory.
        var comments = new Dictionary<long, (string Paper, long? Parent, bool Theirs, bool Shown)>();
        await using (var command = change.Command(
            "SELECT id, paper_id, parent_id, user_id, is_deleted, is_hidden FROM comments WHERE paper_id IN (SELECT paper_id FROM comments WHERE user_id = @user)",
            ("@user", userId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                comments[reader.GetInt64(0)] = (
                    reader.GetString(1),
                    await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetInt64(2),
                    reader.GetString(3) == userId,
                    !reader.GetBoolean(4) && !reader.GetBoolean(5));
            }
        }

        foreach (var (id, comment) in comments.Where(c => !c.Value.Theirs && c.Value.Parent is { } parent && comments[parent].Theirs))
        {
            var ancestor = comment.Parent;
            while (ancestor is { } at && comments[at].Theirs)
            {
                ancestor = comments[at].Parent;
            }

            await change.ExecuteAsync("UPDATE comments SET parent_id = @parent WHERE id = @id", cancellationToken, ("@parent", ancestor), ("@id", id));
        }

        foreach (var group in comments.Values.Where(c => c.Theirs).GroupBy(c => c.Paper, StringComparer.Ordinal))
        {
            var shown = group.Count(c => c.Shown);
            touched.Add(group.Key);
            if (shown > 0)
            {
                await change.ExecuteAsync(
                    $"UPDATE papers SET local_comments = local_comments - {shown.ToString(CultureInfo.InvariantCulture)} WHERE id = @paper",
                    cancellationToken,
                    ("@paper", group.Key));
            }
        }

        // Their own replies to each other first lose their parent, so no row is deleted while another still points at it.
        await change.ExecuteAsync("UPDATE comments SET parent_id = NULL WHERE user_id = @user", cancellationToken, ("@user", userId));
        await change.ExecuteAsync("DELETE FROM comments WHERE user_id = @user", cancellationToken, ("@user", userId));
    }

    private static async Task<List<string>> IdsAsync(PaperChangeTransaction change, string sql, string userId, CancellationToken cancellationToken)
    {
        await using var command = change.Command(sql, ("@user", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<string> ids = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
