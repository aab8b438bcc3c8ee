using System.Data.Common;
using System.Globalization;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>
/// The reads of one request on one connection, opened at the first read and closed on dispose: a listing page with
/// its neighbouring days is two commands, a paper page one. Not thread-safe; the web host makes one per request.
/// </summary>
public sealed class PaperReader(StoreContextFactory store) : IAsyncDisposable
{
    private DbConnection? _connection;

    /// <summary>Whether papers carry their recorded Hugging Face item (<see cref="ListedPaper.HfItem"/>); the JSON API sets it.</summary>
    public bool WithHfItems { get; set; }

    public async Task<DateOnly?> LatestListingDayAsync(CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(PaperReadSql.LatestDay, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<DateOnly>(0) : null;
    }

    /// <summary>
    /// The latest day with a listing that passes the filter's source, submitter, code and category conditions (not
    /// its vote threshold, which a paper may still reach): where a feed of recent days counts back from.
    /// </summary>
    public async Task<DateOnly?> LatestListingDayAsync(ListingFilter filter, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(PaperReadSql.LatestDayOf(filter), cancellationToken);
        AddFilter(command, filter with { MinVotes = 0 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<DateOnly>(0) : null;
    }

    /// <summary>
    /// Papers listed in the period, each once, ranked by votes, then by when they were first listed, then id; with
    /// <paramref name="withNeighbours"/>, also the nearest listing days before and after the period.
    /// </summary>
    public Task<ListingView> ListAsync(
        ListingPeriod period, ListingSource? source, int pageIndex, int pageSize, bool withNeighbours, CancellationToken cancellationToken) =>
        ListAsync(period, new ListingFilter { Source = source }, pageIndex, pageSize, withNeighbours, cancellationToken);

    /// <summary>As above, for the papers that pass <paramref name="filter"/>, in its order.</summary>
    public async Task<ListingView> ListAsync(
        ListingPeriod period, ListingFilter filter, int pageIndex, int pageSize, bool withNeighbours, CancellationToken cancellationToken)
    {
        DateOnly? previous = null, next = null;
        var ids = new List<string>(pageSize + 1);
        await using (var ranking = await CommandAsync(PaperReadSql.Ranking(filter, withNeighbours), cancellationToken))
        {
            AddPeriod(ranking, period, filter);
            // One more than the page: when it doesn't come, this page is the last and the total needs no count.
            ranking.AddParameter("@take", pageSize + 1);
            ranking.AddParameter("@skip", pageIndex * pageSize);
            await using var reader = await ranking.ExecuteReaderAsync(cancellationToken);
            if (withNeighbours)
            {
                await reader.ReadAsync(cancellationToken);
                previous = DayOrNull(reader, 0);
                next = DayOrNull(reader, 1);
                await reader.NextResultAsync(cancellationToken);
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        int total;
        if (ids.Count > pageSize || (ids.Count == 0 && pageIndex > 0))
        {
            // More pages follow, or this one is past the end: count the period.
            if (ids.Count > pageSize)
            {
                ids.RemoveAt(pageSize);
            }

            await using var count = await CommandAsync(PaperReadSql.Count(filter), cancellationToken);
            AddPeriod(count, period, filter);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        else
        {
            total = pageIndex * pageSize + ids.Count;
        }

        var papers = new List<ListedPaper>(ids.Count);
        if (ids.Count > 0)
        {
            var byId = await LoadInPeriodAsync(ids, period, cancellationToken);
            papers.AddRange(ids.Where(byId.ContainsKey).Select(id => byId[id]));
        }

        return new ListingView(new ListingPage(period, papers, total, pageIndex, pageSize), previous, next);
    }

    /// <summary>
    /// One page of every visible paper, newest first (submission time, then id), after <paramref name="after"/>;
    /// and where the next page starts, null on the last. Keyset, not offset: every page costs the same.
    /// </summary>
    public async Task<(IReadOnlyList<ListedPaper> Papers, PaperCursor? Next)> PageAllAsync(PaperCursor? after, int limit, CancellationToken cancellationToken)
    {
        var keys = new List<(string Id, DateTime? At)>(limit + 1);
        if (after is null || after.SubmittedAt is not null)
        {
            await ReadKeysAsync(PaperReadSql.Dated(after is not null), after, limit + 1, keys, cancellationToken);
        }

        if (keys.Count <= limit)
        {
            var undatedFrom = after?.SubmittedAt is null ? after : null;
            await ReadKeysAsync(PaperReadSql.Undated(undatedFrom is not null), undatedFrom, limit + 1 - keys.Count, keys, cancellationToken);
        }

        var more = keys.Count > limit;
        if (more)
        {
            keys.RemoveRange(limit, keys.Count - limit);
        }

        var papers = await FindManyAsync(keys.ConvertAll(k => k.Id), cancellationToken);
        return (papers, more ? new PaperCursor(keys[^1].At, keys[^1].Id) : null);
    }

    private async Task ReadKeysAsync(string sql, PaperCursor? after, int take, List<(string Id, DateTime? At)> keys, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, cancellationToken);
        command.AddParameter("@take", take);
        if (after is not null)
        {
            command.AddParameter("@id", after.Id);
            if (after.SubmittedAt is { } at)
            {
                command.AddParameter("@at", at);
            }
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetString(0), reader.IsDBNull(1) ? null : DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(1), DateTimeKind.Utc)));
        }
    }

    /// <summary>
    /// The paper with all its listings, or null when it is not stored or was withdrawn, or hidden by a moderator
    /// (unless <paramref name="includeHidden"/>: moderators see what they hid, to restore it).
    /// </summary>
    public async Task<ListedPaper?> FindAsync(ArxivId id, CancellationToken cancellationToken, bool includeHidden = false)
    {
        await using var command = await CommandAsync(PaperReadSql.Paper, cancellationToken);
        command.AddParameter("@id", id.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var byId = await ReadPapersAsync(reader, cancellationToken);
        return byId.TryGetValue(id.Value, out var found) && !found.Paper.IsDeleted && (includeHidden || !found.Paper.IsHidden)
            ? PaperMapping.ToListed(found.Paper, found.Listings, null)
            : null;
    }

    /// <summary>The papers with these ids, in the order given; ids not stored, withdrawn or hidden are left out.</summary>
    public async Task<IReadOnlyList<ListedPaper>> FindManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var command = await CommandAsync(PaperReadSql.PapersById(store.Provider), cancellationToken);
        command.AddParameter("@ids", PaperReadSql.Ids(store.Provider, ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var byId = await ReadPapersAsync(reader, cancellationToken);
        return [.. ids.Distinct(StringComparer.Ordinal)
            .Where(id => byId.TryGetValue(id, out var found) && !found.Paper.IsDeleted && !found.Paper.IsHidden)
            .Select(id => PaperMapping.ToListed(byId[id].Paper, byId[id].Listings, null))];
    }

    /// <summary>
    /// The most voted papers listed in the period (at most <paramref name="limit"/>; none without votes), with their
    /// votes and first listing within it, in no particular order: what trending ranks.
    /// </summary>
    public async Task<IReadOnlyList<ListedPaper>> VotedInAsync(ListingPeriod period, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using (var command = await CommandAsync(PaperReadSql.Voted, cancellationToken))
        {
            AddPeriod(command, period, ListingFilter.None);
            command.AddParameter("@take", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        return [.. (await LoadInPeriodAsync(ids, period, cancellationToken)).Values];
    }

    /// <summary>The papers of <paramref name="ids"/> with what their listings in the period add up to, by id.</summary>
    private async Task<Dictionary<string, ListedPaper>> LoadInPeriodAsync(
        IReadOnlyList<string> ids, ListingPeriod period, CancellationToken cancellationToken)
    {
        await using var load = await CommandAsync(PaperReadSql.PapersInPeriod(store.Provider), cancellationToken);
        load.AddParameter("@ids", PaperReadSql.Ids(store.Provider, ids));
        AddPeriod(load, period, ListingFilter.None);
        await using var rows = await load.ExecuteReaderAsync(cancellationToken);
        var byId = await ReadPapersAsync(rows, cancellationToken);
        return byId.ToDictionary(pair => pair.Key, pair => PaperMapping.ToListed(pair.Value.Paper, pair.Value.Listings, period));
    }

    /// <summary>Every paper listed in the period (by one source, if given), in no order: the scope of a search within it.</summary>
    public async Task<IReadOnlyList<string>> ListedIdsAsync(ListingPeriod period, ListingSource? source, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(PaperReadSql.ListedIds(source is not null), cancellationToken);
        AddPeriod(command, period, new ListingFilter { Source = source });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    /// <summary>
    /// The authors of each visible paper of <paramref name="ids"/>, in no order: what a reader's author affinity is
    /// learnt from, without reading the papers' abstracts and listings.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> AuthorsOfAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var authors = new List<IReadOnlyList<string>>(ids.Count);
        if (ids.Count > 0)
        {
            await using var command = await CommandAsync(PaperReadSql.AuthorsById(store.Provider), cancellationToken);
            command.AddParameter("@ids", PaperReadSql.Ids(store.Provider, ids));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                authors.Add(PaperMapping.Split(reader.GetString(0), '\n'));
            }
        }

        return authors;
    }

    /// <summary>When each local vote on these papers was cast, by paper: trending decays each from its own time.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>>> LocalVoteTimesAsync(
        IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var times = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            await using var command = await CommandAsync(PaperReadSql.VoteTimes(store.Provider), cancellationToken);
            command.AddParameter("@ids", PaperReadSql.Ids(store.Provider, ids));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!times.TryGetValue(id, out var list))
                {
                    times[id] = list = [];
                }

                list.Add(new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)));
            }
        }

        return times.ToDictionary(p => p.Key, p => (IReadOnlyList<DateTimeOffset>)p.Value, StringComparer.Ordinal);
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        _connection ??= await ReadConnection.OpenAsync(store, cancellationToken);
        var command = _connection.CreateCommand();
        command.CommandText = WithHfItems ? sql : PaperReadSql.WithoutHfItems(sql);
        return command;
    }

    /// <summary>
    /// Rows of paper columns then listing columns (null for a paper without listings): each paper once, with its
    /// listings by day and source (the order <see cref="PaperMapping"/> reads "first" in).
    /// </summary>
    private static async Task<Dictionary<string, (PaperEntity Paper, List<ListingEntity> Listings)>> ReadPapersAsync(
        DbDataReader reader, CancellationToken cancellationToken)
    {
        const int listingAt = PaperReadSql.PaperColumnCount;
        var papers = new Dictionary<string, (PaperEntity Paper, List<ListingEntity> Listings)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!papers.TryGetValue(id, out var entry))
            {
                entry = (ReadPaper(reader), []);
                papers.Add(id, entry);
            }

            if (!reader.IsDBNull(listingAt))
            {
                entry.Listings.Add(ReadListing(reader, listingAt));
            }
        }

        foreach (var (_, listings) in papers.Values)
        {
            listings.Sort(static (a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Source.CompareTo(b.Source));
        }

        return papers;
    }

    private static PaperEntity ReadPaper(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Version = r.GetInt32(1),
        Title = r.GetString(2),
        Abstract = r.GetString(3),
        Authors = r.GetString(4),
        Categories = r.GetString(5),
        SubmittedAt = r.IsDBNull(6) ? null : r.GetDateTime(6),
        UpdatedAt = r.IsDBNull(7) ? null : r.GetDateTime(7),
        Comments = StringOrNull(r, 8),
        JournalRef = StringOrNull(r, 9),
        Doi = StringOrNull(r, 10),
        License = StringOrNull(r, 11),
        GithubRepo = StringOrNull(r, 12),
        GithubStars = r.IsDBNull(13) ? null : r.GetInt32(13),
        ProjectPage = StringOrNull(r, 14),
        AiSummary = StringOrNull(r, 15),
        AiKeywords = StringOrNull(r, 16),
        IsDeleted = r.GetBoolean(17),
        IsHidden = r.GetBoolean(18),
        LocalVotes = r.GetInt32(19),
        LocalComments = r.GetInt32(20),
    };

    private static ListingEntity ReadListing(DbDataReader r, int at) => new()
    {
        PaperId = r.GetString(at),
        Day = r.GetFieldValue<DateOnly>(at + 1),
        Source = (ListingSource)r.GetInt32(at + 2),
        Upvotes = r.GetInt32(at + 3),
        NumComments = r.GetInt32(at + 4),
        SubmittedBy = StringOrNull(r, at + 5),
        ListedAt = r.IsDBNull(at + 6) ? null : r.GetDateTime(at + 6),
        ThumbnailUrl = StringOrNull(r, at + 7),
        HfItem = StringOrNull(r, at + 8),
    };

    private static string? StringOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateOnly? DayOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateOnly>(ordinal);

    private static void AddPeriod(DbCommand command, ListingPeriod period, ListingFilter filter)
    {
        command.AddParameter("@start", period.Start);
        command.AddParameter("@end", period.End);
        AddFilter(command, filter);
    }

    private static void AddFilter(DbCommand command, ListingFilter filter)
    {
        if (filter.Source is { } only)
        {
            command.AddParameter("@source", (int)only);
        }

        if (filter.Submitter is { } submitter)
        {
            command.AddParameter("@submitter", submitter);
        }

        if (filter.MinVotes > 0)
        {
            command.AddParameter("@minVotes", filter.MinVotes);
        }

        foreach (var (pattern, i) in filter.CategoryPatterns().Select((p, i) => (p, i)))
        {
            command.AddParameter($"@cat{i}", pattern);
        }
    }
}
