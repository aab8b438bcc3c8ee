using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Community;

/// <summary>
/// A vote on PostgreSQL in one statement, committed on its own: it takes the <c>paper_changes</c> counter's row lock,
/// applies the vote and numbers the paper in one round trip, so the lock is held for the statement and its commit
/// (well under a millisecond) instead of the seven round trips of a <see cref="PaperChangeTransaction"/>, and several
/// nodes voting at once queue only that long on it. It keeps that transaction's guarantees: the number comes from the
/// counter under its lock, held to the commit, so numbers become visible in commit order; the vote row and the
/// paper's count change together or not at all.
/// </summary>
internal static class VoteStatement
{
    // Each part runs after the counter is locked: every later part reads one that reads "locked". The lock waits for
    // the writer before; "paper" then reads the paper as that writer left it (a row lock reads the latest version,
    // not the statement's snapshot from before the wait), and so do the updates. The vote itself uses the unique key,
    // which sees every committed vote. One difference from the transaction: a take-back snapshot taken before the
    // wait does not see the same reader's vote on the same paper committed during it, so the two race as if the
    // take-back came first (the count stays exact either way).
    private const string Locked = """
        WITH locked AS MATERIALIZED (
            SELECT value FROM store_counters WHERE name = @name FOR UPDATE),
        paper AS MATERIALIZED (
            SELECT id, local_votes FROM papers
            WHERE id = @paper AND NOT is_deleted AND NOT is_hidden AND EXISTS (SELECT 1 FROM locked)
            FOR SHARE),
        """;

    private static string Counted(string step) => $"""
        counter AS (
            UPDATE store_counters SET value = value + 1 WHERE name = @name AND EXISTS (SELECT 1 FROM vote) RETURNING value),
        changed AS (
            UPDATE papers SET local_votes = local_votes + {step}, change_seq = counter.value, modified_at = @now
            FROM counter WHERE papers.id = @paper RETURNING papers.local_votes),
        voter AS (
            UPDATE users SET signals_version = signals_version + 1 WHERE id = @user AND EXISTS (SELECT 1 FROM vote))
        SELECT COALESCE((SELECT local_votes FROM changed), paper.local_votes)
                   + (SELECT COALESCE(SUM(upvotes), 0) FROM listings WHERE paper_id = @paper),
               EXISTS (SELECT 1 FROM changed)
        FROM paper
        """;

    private static readonly string Cast = Locked + """
        vote AS (
            INSERT INTO votes (paper_id, user_id, voted_at) SELECT id, @user, @now FROM paper
            ON CONFLICT DO NOTHING RETURNING paper_id),

        """ + Counted("1");

    private static readonly string TakeBack = Locked + """
        vote AS (
            DELETE FROM votes WHERE paper_id IN (SELECT id FROM paper) AND user_id = @user RETURNING paper_id),

        """ + Counted("-1");

    /// <summary>
    /// A few votes of this process at a time: enough to keep the next statement on its way while one holds the lock,
    /// few enough that the pool's other connections do not all wait on the counter row in PostgreSQL (what made the
    /// transaction slow with a hundred of them). 1, 4 and 1,000 measured alike with two nodes on 2 cores
    /// (docs/benchmarks.md, issue 13), where CPU and not the lock is the limit now.
    /// </summary>
    private static readonly SemaphoreSlim Gate = new(4, 4);

    public static async Task<VoteState?> SetAsync(
        StoreContextFactory store, StoreVersion version, ArxivId paper, string userId, bool voted, DateTime now, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return await SetGatedAsync(store, version, paper, userId, voted, now, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<VoteState?> SetGatedAsync(
        StoreContextFactory store, StoreVersion version, ArxivId paper, string userId, bool voted, DateTime now, CancellationToken cancellationToken)
    {
        int upvotes;
        bool changed;
        await using (var connection = await ReadConnection.OpenAsync(store, cancellationToken))
        await using (var command = connection.Command(
            null,
            voted ? Cast : TakeBack,
            ("@name", StoreCounterEntity.PaperChanges),
            ("@paper", paper.Value),
            ("@user", userId),
            ("@now", now)))
        {
            // The row arrives before the commit does: the reader is closed (which waits for the commit) before the
            // vote is answered or the version moved.
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            upvotes = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            changed = reader.GetBoolean(1);
        }

        if (changed)
        {
            version.Changed();
        }

        return new VoteState(voted, upvotes);
    }
}
