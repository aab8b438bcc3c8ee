using DailyPapers.Infrastructure.Search.Lexical;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// The peer for lexical latency: SQLite FTS5 (Porter stemming, BM25 ranking) over the same papers' title, abstract,
/// authors and categories, in a file beside the benchmark's index.
/// </summary>
public sealed class Fts5Peer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _search;
    private readonly SqliteParameter _match;
    private readonly SqliteParameter _limit;
    private long _rows;

    public Fts5Peer(string path)
    {
        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
        Execute("CREATE VIRTUAL TABLE fts USING fts5(title, abstract, authors, categories, tokenize = 'porter unicode61 remove_diacritics 2')");
        _search = _connection.CreateCommand();
        _search.CommandText = "SELECT rowid FROM fts WHERE fts MATCH $match ORDER BY bm25(fts) LIMIT $limit";
        _match = _search.Parameters.Add("$match", SqliteType.Text);
        _limit = _search.Parameters.Add("$limit", SqliteType.Integer);
    }

    public string Path { get; }

    public long Bytes => new FileInfo(Path).Length;

    /// <summary>Adds papers in one transaction; their rowids count up from 1 in the order given.</summary>
    public void Add(IReadOnlyList<LexicalDocument> documents)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO fts (rowid, title, abstract, authors, categories) VALUES ($rowid, $title, $abstract, $authors, $categories)";
        var rowid = insert.Parameters.Add("$rowid", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var abstractText = insert.Parameters.Add("$abstract", SqliteType.Text);
        var authors = insert.Parameters.Add("$authors", SqliteType.Text);
        var categories = insert.Parameters.Add("$categories", SqliteType.Text);
        insert.Prepare();
        foreach (var document in documents)
        {
            rowid.Value = ++_rows;
            title.Value = document.Title;
            abstractText.Value = document.Abstract;
            authors.Value = string.Join(", ", document.Authors);
            categories.Value = string.Join(' ', document.Categories);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Merges the index into one b-tree, as a tuned FTS5 deployment would after a bulk load.</summary>
    public void Optimize()
    {
        Execute("INSERT INTO fts (fts) VALUES ('optimize')");
        _search.Prepare();
    }

    /// <summary>The best <paramref name="limit"/> rowids by BM25 for an FTS5 MATCH expression (see <see cref="Fts5Query"/>).</summary>
    public IReadOnlyList<long> Search(string match, int limit)
    {
        _match.Value = match;
        _limit.Value = limit;
        var rowids = new List<long>(limit);
        using var reader = _search.ExecuteReader();
        while (reader.Read())
        {
            rowids.Add(reader.GetInt64(0));
        }

        return rowids;
    }

    public void Dispose()
    {
        _search.Dispose();
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
