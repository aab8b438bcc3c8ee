using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>
/// The reads behind the sitemap: the listing days that have a page, and the papers in the sitemap's order, cut into
/// files by position. Each read streams its rows from a connection of its own, so a file of 50,000 papers never holds
/// 50,000 objects. The SQL is the same text on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// <para>
/// The papers' order is every old-style id (<c>hep-th/9901001</c>) first, then every new-style id
/// (<c>2506.01234</c>), each in id order. arXiv numbers papers in the order it receives them, so a paper announced
/// today has a greater id than any stored, goes last, and the files before the last list the same papers tomorrow as
/// today. (An older paper stored late, from a bulk file, a cross-listing or Hugging Face's list, shifts the files
/// after its place by one.) Plain id order would put old-style ids (letters) after new-style ones (digits), where
/// every new paper would push them on.
/// </para>
/// <para>
/// Positions count every stored paper, hidden and withdrawn ones included: a file leaves those out, so it holds at
/// most, not exactly, its share. Counting only visible papers would read every row of the table (the flags are in
/// no index) to find where a file starts; counting all of them walks an index alone. It also means that hiding a paper
/// moves no other paper to another file.
/// </para>
/// </remarks>
public sealed class SitemapQueries(StoreContextFactory store)
{
    // An old-style id begins with its archive's name, lower case (ArxivId makes it so); a new-style id with a digit,
    // which sorts before any letter in byte order and in the usual PostgreSQL collations alike.
    private const string OldStyle = "id >= 'a'";
    private const string NewStyle = "id < 'a'";

    /// <summary>The day has a page: some paper listed on it is neither hidden nor withdrawn (the day page's own test).</summary>
    private const string HasVisiblePaper =
        "EXISTS (SELECT 1 FROM listings AS v JOIN papers AS p ON p.id = v.paper_id WHERE v.day = l.day AND NOT p.is_deleted AND NOT p.is_hidden)";

    /// <summary>
    /// Only the days: on SQLite a walk along the (day, source) index, on PostgreSQL a scan of the listings; then for each
    /// day one probe, which usually stops at its first paper.
    /// </summary>
    private const string Days = $"SELECT l.day, NULL FROM listings AS l GROUP BY l.day HAVING {HasVisiblePaper} ORDER BY l.day";

    /// <summary>
    /// The days with their newest listing time, which no index holds: this reads every listing row once. It counts the
    /// listings of hidden papers too, at worst dating a day a little later than what it shows.
    /// </summary>
    private const string DaysWithNewestListing =
        $"SELECT l.day, MAX(l.listed_at) FROM listings AS l GROUP BY l.day HAVING {HasVisiblePaper} ORDER BY l.day";

    /// <summary>Every stored paper, hidden and withdrawn ones included: what positions count (see the remarks).</summary>
    public async Task<long> PaperCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        return await CountAsync(connection, "SELECT COUNT(*) FROM papers", cancellationToken);
    }

    /// <summary>
    /// The days that have a page, oldest first; with <paramref name="withNewestListing"/>, each with its newest listing
    /// time (a full read of the listings; without it, <see cref="SitemapDay.NewestListedAt"/> is null).
    /// </summary>
    public async IAsyncEnumerable<SitemapDay> ListingDaysAsync(bool withNewestListing, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.Command(null, withNewestListing ? DaysWithNewestListing : Days);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new SitemapDay(reader.GetFieldValue<DateOnly>(0), UtcOrNull(reader, 1));
        }
    }

    /// <summary>
    /// The visible papers among the <paramref name="take"/> stored papers from position <paramref name="skip"/> on,
    /// in the sitemap's order (see the remarks).
    /// </summary>
    public async IAsyncEnumerable<SitemapPaper> PapersAsync(long skip, int take, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        // Old-style ids are a range of the primary key's index: counting them walks that range only (none in most stores).
        var oldStyle = await CountAsync(connection, $"SELECT COUNT(*) FROM papers WHERE {OldStyle}", cancellationToken);
        var end = skip + take;
        if (skip < oldStyle)
        {
            await foreach (var paper in RangeAsync(connection, OldStyle, skip, Math.Min(end, oldStyle) - skip, cancellationToken))
            {
                yield return paper;
            }
        }

        if (end > oldStyle)
        {
            var from = Math.Max(skip, oldStyle);
            await foreach (var paper in RangeAsync(connection, NewStyle, from - oldStyle, end - from, cancellationToken))
            {
                yield return paper;
            }
        }
    }

    /// <summary>
    /// The visible papers among <paramref name="take"/> ids of one kind, from the <paramref name="skip"/>-th on, in two
    /// steps. The first skips along the primary key's index without touching a row. The second reads the rows from
    /// there in index order: given the first id as a value, PostgreSQL plans an index scan that stops after
    /// <paramref name="take"/> rows (given it as a subquery, it guessed the range small, read all of it to the end and
    /// sorted it, 6 s for a middle file of 2.7M papers; an OFFSET on this query would fetch every skipped row).
    /// </summary>
    private static async IAsyncEnumerable<SitemapPaper> RangeAsync(
        DbConnection connection, string kind, long skip, long take, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string first;
        await using (var start = connection.Command(null, $"SELECT id FROM papers WHERE {kind} ORDER BY id LIMIT 1 OFFSET @skip", ("@skip", skip)))
        {
            if (await start.ExecuteScalarAsync(cancellationToken) is not string id)
            {
                yield break;
            }

            first = id;
        }

        await using var command = connection.Command(null,
            $"SELECT id, submitted_at, updated_at, is_deleted, is_hidden FROM papers WHERE {kind} AND id >= @first ORDER BY id LIMIT @take",
            ("@first", first), ("@take", take));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(3) || reader.GetBoolean(4))
            {
                continue;
            }

            yield return new SitemapPaper(reader.GetString(0), UtcOrNull(reader, 2) ?? UtcOrNull(reader, 1));
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    // The store writes UTC; SQLite gives it back without a kind.
    private static DateTime? UtcOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}
