using System.Data.Common;
using System.Text.Json;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// The bulk writes of an import as prepared upserts, in SQL that SQLite and PostgreSQL both accept: EF's change
/// tracker costs several times more per row, and imports are the one hot write path.
/// </summary>
internal static class PaperSql
{
    private static readonly string[] PaperColumns =
    [
        "id", "version", "title", "abstract", "authors", "categories", "submitted_at", "updated_at", "comments",
        "journal_ref", "doi", "license", "github_repo", "github_stars", "project_page", "ai_summary", "ai_keywords",
        "observed_at", "is_deleted", "change_seq", "created_at", "modified_at",
    ];

    private static readonly string[] ListingColumns =
    [
        "paper_id", "day", "source", "upvotes", "num_comments", "submitted_by", "listed_at", "thumbnail_url", "hf_item",
    ];

    /// <summary>The papers upsert, prepared once for all the rows a batch writes.</summary>
    public static IUpsertStatement PreparePapers(DbConnection connection, DbTransaction transaction) =>
        Prepare(connection, transaction, UpsertSql("papers", PaperColumns, ["id"], ["created_at"]), PaperColumns.Length);

    public static IUpsertStatement PrepareListings(DbConnection connection, DbTransaction transaction) =>
        Prepare(connection, transaction, UpsertSql("listings", ListingColumns, ["paper_id", "day", "source"], []), ListingColumns.Length);

    /// <summary>Writes paper rows through <see cref="PreparePapers"/>; values in <see cref="PaperColumns"/> order.</summary>
    public static async Task WritePapersAsync(IUpsertStatement upsert, IEnumerable<PaperEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            upsert.Text(row.Id);
            upsert.Int(row.Version);
            upsert.Text(row.Title);
            upsert.Text(row.Abstract);
            upsert.Text(row.Authors);
            upsert.Text(row.Categories);
            upsert.Time(row.SubmittedAt);
            upsert.Time(row.UpdatedAt);
            upsert.Text(row.Comments);
            upsert.Text(row.JournalRef);
            upsert.Text(row.Doi);
            upsert.Text(row.License);
            upsert.Text(row.GithubRepo);
            upsert.Int(row.GithubStars);
            upsert.Text(row.ProjectPage);
            upsert.Text(row.AiSummary);
            upsert.Text(row.AiKeywords);
            upsert.Time(row.ObservedAt);
            upsert.Bool(row.IsDeleted);
            upsert.Long(row.ChangeSeq);
            upsert.Time(row.CreatedAt);
            upsert.Time(row.ModifiedAt);
            await upsert.RunAsync(cancellationToken);
        }
    }

    /// <summary>Writes listing rows through <see cref="PrepareListings"/>; values in <see cref="ListingColumns"/> order.</summary>
    public static async Task WriteListingsAsync(IUpsertStatement upsert, IEnumerable<ListingEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            upsert.Text(row.PaperId);
            upsert.Day(row.Day);
            upsert.Int((int)row.Source);
            upsert.Int(row.Upvotes);
            upsert.Int(row.NumComments);
            upsert.Text(row.SubmittedBy);
            upsert.Time(row.ListedAt);
            upsert.Text(row.ThumbnailUrl);
            upsert.Text(row.HfItem);
            await upsert.RunAsync(cancellationToken);
        }
    }

    /// <summary>Which of <paramref name="ids"/> are already stored (one indexed lookup per batch).</summary>
    public static async Task<List<string>> ExistingIdsAsync(
        DbConnection connection, DbTransaction transaction, StoreProvider provider, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (provider == StoreProvider.Postgres)
        {
            command.CommandText = "SELECT id FROM papers WHERE id = ANY(@ids)";
            AddParameter(command, "@ids", ids.ToArray());
        }
        else
        {
            // One JSON parameter: binding thousands of named parameters costs more than the lookup itself.
            // CROSS JOIN makes SQLite loop over the id list and probe the primary key; without statistics its
            // planner may otherwise scan the whole table once per batch (the same holds for the two queries below).
            command.CommandText = "SELECT p.id FROM json_each(@ids) AS j CROSS JOIN papers AS p ON p.id = j.value";
            AddParameter(command, "@ids", JsonSerializer.Serialize(ids));
        }

        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    public static async Task<bool> AnyPapersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM papers)";
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The stored rows of these papers, by primary key.</summary>
    public static IQueryable<PaperEntity> PapersById(DailyPapersDbContext context, IReadOnlyList<string> ids) =>
        context.Provider == StoreProvider.Postgres
            ? context.Papers.Where(p => ids.Contains(p.Id))
            : context.Papers.FromSqlRaw("SELECT p.* FROM json_each({0}) AS j CROSS JOIN papers AS p ON p.id = j.value", JsonSerializer.Serialize(ids));

    /// <summary>Every listing of these papers, by the primary key's leading column.</summary>
    public static IQueryable<ListingEntity> ListingsByPaperId(DailyPapersDbContext context, IReadOnlyList<string> ids) =>
        context.Provider == StoreProvider.Postgres
            ? context.Listings.Where(l => ids.Contains(l.PaperId))
            : context.Listings.FromSqlRaw("SELECT l.* FROM json_each({0}) AS j CROSS JOIN listings AS l ON l.paper_id = j.value", JsonSerializer.Serialize(ids));

    public static async Task SetChangeSequenceAsync(DbConnection connection, DbTransaction transaction, long value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE store_counters SET value = @value WHERE name = @name";
        AddParameter(command, "@value", value);
        AddParameter(command, "@name", StoreCounterEntity.PaperChanges);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IUpsertStatement Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters) =>
        connection is SqliteConnection sqlite
            ? new SqliteStatementWriter(sqlite, sql)
            : new CommandStatementWriter(connection, transaction, sql, parameters);

    private static string UpsertSql(string table, string[] columns, string[] key, string[] keepOnUpdate)
    {
        var updates = columns.Except(key).Except(keepOnUpdate).Select(c => $"{c} = excluded.{c}");
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, c) => $"@p{c}"))}) " +
            $"ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
