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
        "paper_id", "day", "source", "upvotes", "num_comments", "submitted_by", "listed_at", "thumbnail_url",
    ];

    public static Task WritePapersAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(PaperEntity Row, bool IsNew, bool Changed)> rows,
        CancellationToken cancellationToken) =>
        UpsertAsync(connection, transaction, "papers", PaperColumns, ["id"], ["created_at"], rows.Select(r => r.Row), static row =>
        [
            row.Id, row.Version, row.Title, row.Abstract, row.Authors, row.Categories, AsUtc(row.SubmittedAt),
            AsUtc(row.UpdatedAt), row.Comments, row.JournalRef, row.Doi, row.License, row.GithubRepo, row.GithubStars,
            row.ProjectPage, row.AiSummary, row.AiKeywords, AsUtc(row.ObservedAt), row.IsDeleted, row.ChangeSeq, AsUtc(row.CreatedAt), AsUtc(row.ModifiedAt),
        ], cancellationToken);

    public static Task WriteListingsAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(ListingEntity Row, bool IsNew, bool Changed)> rows,
        CancellationToken cancellationToken) =>
        UpsertAsync(connection, transaction, "listings", ListingColumns, ["paper_id", "day", "source"], [], rows.Select(r => r.Row), static row =>
        [
            row.PaperId, row.Day, (int)row.Source, row.Upvotes, row.NumComments, row.SubmittedBy, AsUtc(row.ListedAt), row.ThumbnailUrl,
        ], cancellationToken);

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

    /// <summary>The stored rows of these papers, by primary key.</summary>
    public static IQueryable<PaperEntity> PapersById(DailyPapersDbContext context, IReadOnlyList<string> ids) =>
        context.Provider == StoreProvider.Postgres
            ? context.Papers.FromSqlRaw("SELECT * FROM papers WHERE id = ANY({0})", (object)ids.ToArray())
            : context.Papers.FromSqlRaw("SELECT p.* FROM json_each({0}) AS j CROSS JOIN papers AS p ON p.id = j.value", JsonSerializer.Serialize(ids));

    /// <summary>Every listing of these papers, by the primary key's leading column.</summary>
    public static IQueryable<ListingEntity> ListingsByPaperId(DailyPapersDbContext context, IReadOnlyList<string> ids) =>
        context.Provider == StoreProvider.Postgres
            ? context.Listings.FromSqlRaw("SELECT * FROM listings WHERE paper_id = ANY({0})", (object)ids.ToArray())
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

    private static async Task UpsertAsync<T>(
        DbConnection connection, DbTransaction transaction, string table, string[] columns, string[] key, string[] keepOnUpdate,
        IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        var sql = UpsertSql(table, columns, key, keepOnUpdate);
        if (connection is SqliteConnection sqlite)
        {
            SqliteStatementWriter.Execute(sqlite, sql, rows.Select(values), cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var c = 0; c < columns.Length; c++)
        {
            AddParameter(command, $"@p{c}", DBNull.Value);
        }

        foreach (var row in rows)
        {
            var i = 0;
            foreach (var value in values(row))
            {
                command.Parameters[i++].Value = value ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

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

    // Npgsql refuses a DateTime of unspecified kind for timestamptz; SQLite reads them back unspecified.
    private static DateTime? AsUtc(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
