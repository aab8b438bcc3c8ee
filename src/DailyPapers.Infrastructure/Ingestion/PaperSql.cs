using System.Data.Common;
using DailyPapers.Infrastructure.Storage;

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
        "is_deleted", "change_seq", "created_at", "modified_at",
    ];

    private static readonly string[] ListingColumns =
    [
        "paper_id", "day", "source", "upvotes", "num_comments", "submitted_by", "listed_at", "thumbnail_url",
    ];

    public static async Task WritePapersAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(PaperEntity Row, bool IsNew, bool Changed)> rows,
        CancellationToken cancellationToken)
    {
        await using var command = Upsert(connection, transaction, "papers", PaperColumns, ["id"], ["created_at"]);
        var p = command.Parameters;
        foreach (var (row, _, _) in rows)
        {
            Set(p[0], row.Id);
            Set(p[1], row.Version);
            Set(p[2], row.Title);
            Set(p[3], row.Abstract);
            Set(p[4], row.Authors);
            Set(p[5], row.Categories);
            Set(p[6], AsUtc(row.SubmittedAt));
            Set(p[7], AsUtc(row.UpdatedAt));
            Set(p[8], row.Comments);
            Set(p[9], row.JournalRef);
            Set(p[10], row.Doi);
            Set(p[11], row.License);
            Set(p[12], row.GithubRepo);
            Set(p[13], row.GithubStars);
            Set(p[14], row.ProjectPage);
            Set(p[15], row.AiSummary);
            Set(p[16], row.AiKeywords);
            Set(p[17], row.IsDeleted);
            Set(p[18], row.ChangeSeq);
            Set(p[19], AsUtc(row.CreatedAt));
            Set(p[20], AsUtc(row.ModifiedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task WriteListingsAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(ListingEntity Row, bool IsNew, bool Changed)> rows,
        CancellationToken cancellationToken)
    {
        await using var command = Upsert(connection, transaction, "listings", ListingColumns, ["day", "source", "paper_id"], []);
        var p = command.Parameters;
        foreach (var (row, _, _) in rows)
        {
            Set(p[0], row.PaperId);
            Set(p[1], row.Day);
            Set(p[2], (int)row.Source);
            Set(p[3], row.Upvotes);
            Set(p[4], row.NumComments);
            Set(p[5], row.SubmittedBy);
            Set(p[6], AsUtc(row.ListedAt));
            Set(p[7], row.ThumbnailUrl);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task SetChangeSequenceAsync(DbConnection connection, DbTransaction transaction, long value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE store_counters SET value = @value WHERE name = @name";
        AddParameter(command, "@value", value);
        AddParameter(command, "@name", StoreCounterEntity.PaperChanges);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Upsert(
        DbConnection connection, DbTransaction transaction, string table, string[] columns, string[] key, string[] keepOnUpdate)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var updates = columns.Except(key).Except(keepOnUpdate).Select(c => $"{c} = excluded.{c}");
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) " +
            $"ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", updates)}";
        foreach (var column in columns)
        {
            AddParameter(command, "@" + column, DBNull.Value);
        }

        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static void Set(DbParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;

    // Npgsql refuses a DateTime of unspecified kind for timestamptz; SQLite reads them back unspecified.
    private static DateTime? AsUtc(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
