using System.Text.Json;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>
/// The SQL behind <see cref="PaperReader"/>, in text both SQLite and PostgreSQL accept. A listing page is two
/// commands: the neighbouring listing days with the ranked page of ids, then those papers with their listings in the
/// period. (One statement doing all of it, with a window function for the total, measured 3× slower on SQLite.)
/// </summary>
internal static class PaperReadSql
{
    /// <summary>Paper columns, read by <see cref="PaperReader"/> from ordinal 0 in this order.</summary>
    private const string PaperColumns =
        "p.id, p.version, p.title, p.abstract, p.authors, p.categories, p.submitted_at, p.updated_at, p.comments, " +
        "p.journal_ref, p.doi, p.license, p.github_repo, p.github_stars, p.project_page, p.ai_summary, p.ai_keywords, p.is_deleted, " +
        "p.is_hidden, p.local_votes, p.local_comments";

    public const int PaperColumnCount = 21;

    /// <summary>Listing columns, read from ordinal <see cref="PaperColumnCount"/> on.</summary>
    private const string ListingColumns =
        "l.paper_id, l.day, l.source, l.upvotes, l.num_comments, l.submitted_by, l.listed_at, l.thumbnail_url, " + HfItemColumn;

    /// <summary>A recorded Hugging Face item: kilobytes a listing, which only the JSON API answers with.</summary>
    private const string HfItemColumn = "l.hf_item";

    /// <summary>The same read with NULL where each listing's Hugging Face item would be (pages, digests, trending's candidates).</summary>
    public static string WithoutHfItems(string sql) => sql.Replace(HfItemColumn, "NULL", StringComparison.Ordinal);

    public const string LatestDay = "SELECT day FROM listings ORDER BY day DESC LIMIT 1";

    /// <summary>Down the day index from the latest listing to the first that passes the filter's listing conditions.</summary>
    public static string LatestDayOf(ListingFilter filter) =>
        $"SELECT l.day FROM listings AS l JOIN papers AS p ON p.id = l.paper_id WHERE NOT p.is_deleted AND NOT p.is_hidden{ListingConditions(filter)} ORDER BY l.day DESC LIMIT 1";

    /// <summary>Both neighbours in one row; each is one step along the (day, source) index.</summary>
    private const string Neighbours =
        "SELECT (SELECT day FROM listings WHERE day < @start ORDER BY day DESC LIMIT 1), " +
        "(SELECT day FROM listings WHERE day > @end ORDER BY day LIMIT 1)";

    private const string InPeriod = "l.day >= @start AND l.day <= @end AND NOT p.is_deleted AND NOT p.is_hidden";

    /// <summary>A grouped paper's votes: its sources' counts plus this instance's own (one value per paper, hence MAX).</summary>
    private const string VotesOfGroup = "SUM(l.upvotes) + MAX(p.local_votes)";

    public const string Paper =
        $"SELECT {PaperColumns}, {ListingColumns} FROM papers AS p LEFT JOIN listings AS l ON l.paper_id = p.id WHERE p.id = @id";

    // SQLite has no statistics for its planner: CROSS JOIN fixes the order (the id list outside, then primary-key
    // probes), as in Ingestion/PaperSql. PostgreSQL takes the array and plans the join itself.
    private const string SqlitePapersInPeriod =
        $"SELECT {PaperColumns}, {ListingColumns} FROM json_each(@ids) AS j CROSS JOIN papers AS p ON p.id = j.value " +
        "CROSS JOIN listings AS l ON l.paper_id = p.id AND l.day >= @start AND l.day <= @end";

    private const string PostgresPapersInPeriod =
        $"SELECT {PaperColumns}, {ListingColumns} FROM papers AS p " +
        "JOIN listings AS l ON l.paper_id = p.id AND l.day >= @start AND l.day <= @end WHERE p.id = ANY(@ids)";

    // Every listed paper of a period, for searching within a listing page.
    private const string IdsInPeriod = "SELECT DISTINCT l.paper_id FROM listings AS l JOIN papers AS p ON p.id = l.paper_id WHERE " + InPeriod;

    private const string SqlitePapersById =
        $"SELECT {PaperColumns}, {ListingColumns} FROM json_each(@ids) AS j CROSS JOIN papers AS p ON p.id = j.value " +
        "LEFT JOIN listings AS l ON l.paper_id = p.id";

    private const string PostgresPapersById =
        $"SELECT {PaperColumns}, {ListingColumns} FROM papers AS p LEFT JOIN listings AS l ON l.paper_id = p.id WHERE p.id = ANY(@ids)";

    /// <summary>
    /// Visible papers with a submission time, newest first, after the cursor <c>(@at, @id)</c> when
    /// <paramref name="afterCursor"/>: a row-value comparison, so both engines walk the (submitted_at, id) index.
    /// </summary>
    public static string Dated(bool afterCursor) =>
        "SELECT id, submitted_at FROM papers WHERE submitted_at IS NOT NULL AND NOT is_deleted AND NOT is_hidden" +
        (afterCursor ? " AND (submitted_at, id) < (@at, @id)" : "") + " ORDER BY submitted_at DESC, id DESC LIMIT @take";

    /// <summary>Visible papers without a submission time (none in arXiv's data, but a source may lack it): they come last, by id.</summary>
    public static string Undated(bool afterCursor) =>
        "SELECT id, submitted_at FROM papers WHERE submitted_at IS NULL AND NOT is_deleted AND NOT is_hidden" +
        (afterCursor ? " AND id < @id" : "") + " ORDER BY id DESC LIMIT @take";

    /// <summary>Papers with votes listed in the period, most voted first, at most <c>@take</c>: trending's candidates.</summary>
    public const string Voted =
        $"SELECT l.paper_id FROM listings AS l JOIN papers AS p ON p.id = l.paper_id WHERE " + InPeriod +
        $" GROUP BY l.paper_id HAVING {VotesOfGroup} > 0 ORDER BY {VotesOfGroup} DESC, l.paper_id LIMIT @take";

    /// <summary>The paper ids of one page of the list (<c>@take</c> of them after <c>@skip</c>), after the neighbouring days.</summary>
    public static string Ranking(ListingFilter filter, bool withNeighbours)
    {
        var page = RankedPageSql(filter);
        return withNeighbours ? $"{Neighbours};\n{page}" : page;
    }

    /// <summary>Papers in the period that pass the filter; needed only when the page asked for is full or past the end.</summary>
    public static string Count(ListingFilter filter) => filter.HasPaperCondition
        ? $"SELECT COUNT(*) FROM (SELECT l.paper_id FROM listings AS l JOIN papers AS p ON p.id = l.paper_id WHERE {InPeriod}{ListingConditions(filter)} GROUP BY l.paper_id{Having(filter)}) AS passed"
        : $"SELECT COUNT(DISTINCT l.paper_id) FROM listings AS l JOIN papers AS p ON p.id = l.paper_id WHERE {InPeriod}{ListingConditions(filter)}";

    /// <summary>The papers of <c>@ids</c> with their listings in the period, a row per listing, in no order.</summary>
    public static string PapersInPeriod(StoreProvider provider) =>
        provider == StoreProvider.Sqlite ? SqlitePapersInPeriod : PostgresPapersInPeriod;

    /// <summary>The papers of <c>@ids</c> with all their listings, a row per listing, in no order.</summary>
    public static string PapersById(StoreProvider provider) =>
        provider == StoreProvider.Sqlite ? SqlitePapersById : PostgresPapersById;

    /// <summary>The authors column of the visible papers of <c>@ids</c>.</summary>
    public static string AuthorsById(StoreProvider provider) => provider == StoreProvider.Sqlite
        ? "SELECT p.authors FROM json_each(@ids) AS j CROSS JOIN papers AS p ON p.id = j.value WHERE NOT p.is_deleted AND NOT p.is_hidden"
        : "SELECT p.authors FROM papers AS p WHERE p.id = ANY(@ids) AND NOT p.is_deleted AND NOT p.is_hidden";

    /// <summary>The ids of the papers listed in the period (by one source with <c>@source</c>).</summary>
    public static string ListedIds(bool bySource) => IdsInPeriod + (bySource ? " AND l.source = @source" : "");

    /// <summary>The local votes of the papers of <c>@ids</c>: paper id and time cast.</summary>
    public static string VoteTimes(StoreProvider provider) => provider == StoreProvider.Sqlite
        ? "SELECT v.paper_id, v.voted_at FROM json_each(@ids) AS j CROSS JOIN votes AS v ON v.paper_id = j.value"
        : "SELECT v.paper_id, v.voted_at FROM votes AS v WHERE v.paper_id = ANY(@ids)";

    /// <summary>The id list as each provider takes it: a JSON array for SQLite's json_each, an array for PostgreSQL.</summary>
    public static object Ids(StoreProvider provider, IReadOnlyList<string> ids) =>
        provider == StoreProvider.Sqlite ? JsonSerializer.Serialize(ids) : ids.ToArray();

    /// <summary>
    /// The period's papers that pass the filter, by votes (imported and local), then first day and time listed, then
    /// id; or newest listing first; or by listing day, newest first, and votes within a day. NULLS LAST: SQLite and
    /// PostgreSQL order a missing listing time apart otherwise.
    /// </summary>
    private static string RankedPageSql(ListingFilter filter) => $"""
        SELECT l.paper_id
        FROM listings AS l JOIN papers AS p ON p.id = l.paper_id
        WHERE {InPeriod}{ListingConditions(filter)}
        GROUP BY l.paper_id{Having(filter)}
        ORDER BY {OrderBy(filter.Order)}
        LIMIT @take OFFSET @skip
        """;

    private static string OrderBy(ListingOrder order) => order switch
    {
        ListingOrder.Newest => "MAX(l.day) DESC, MAX(l.listed_at) DESC NULLS LAST, MAX(p.submitted_at) DESC NULLS LAST, l.paper_id DESC",
        ListingOrder.DayThenVotes => $"MAX(l.day) DESC, {VotesOfGroup} DESC, MIN(l.listed_at), l.paper_id",
        _ => $"{VotesOfGroup} DESC, MIN(l.day), MIN(l.listed_at), l.paper_id",
    };

    private static string ListingConditions(ListingFilter filter) =>
        (filter.Source is null ? "" : " AND l.source = @source") + (filter.Submitter is null ? "" : " AND l.submitted_by = @submitter") +
        (filter.HasCode ? " AND p.github_repo IS NOT NULL AND p.github_repo <> ''" : "") +
        (filter.Categories.Count == 0 ? "" : " AND (" + string.Join(" OR ", filter.Categories.Select((_, i) => $"LOWER(' ' || p.categories || ' ') LIKE @cat{i}")) + ")");

    private static string Having(ListingFilter filter) => filter.MinVotes > 0 ? $" HAVING {VotesOfGroup} >= @minVotes" : "";
}
