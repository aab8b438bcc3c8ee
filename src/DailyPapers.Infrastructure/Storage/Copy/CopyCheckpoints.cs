using System.Text.Json;
using Npgsql;

namespace DailyPapers.Infrastructure.Storage.Copy;

/// <summary>How far the copy of one table has come: rows copied, the key of the last, whether it is finished.</summary>
internal sealed record CopyCheckpoint(long Copied, object?[]? LastKey, bool Done);

/// <summary>An unfinished copy found in the target: where from, in which mode, and how far each table came.</summary>
internal sealed record UnfinishedCopy(string Source, bool Append, Dictionary<string, CopyCheckpoint> Tables);

/// <summary>
/// The target's record of an unfinished copy: a table of ours beside the store's, one row per copied table, written in
/// the same transaction as each batch, so after a kill the target says exactly which rows it has. It is dropped once
/// the copy is verified; while it exists, the target is "a copy under way", which a rerun continues.
/// </summary>
internal static class CopyCheckpoints
{
    public const string TableName = "store_copy_progress";

    public static async Task<UnfinishedCopy?> ReadAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{TableName}') IS NOT NULL", target))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return null;
            }
        }

        await using var command = new NpgsqlCommand($"SELECT table_name, source, append, copied, last_key, done FROM {TableName}", target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? source = null;
        var append = false;
        var tables = new Dictionary<string, CopyCheckpoint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            source = reader.GetString(1);
            append = reader.GetBoolean(2);
            tables[reader.GetString(0)] = new CopyCheckpoint(reader.GetInt64(3), reader.IsDBNull(4) ? null : DecodeKey(reader.GetString(4)), reader.GetBoolean(5));
        }

        return new UnfinishedCopy(source ?? "", append, tables);
    }

    /// <summary>The table and a row per table to copy; a table a resumed copy already records keeps its row.</summary>
    public static async Task CreateAsync(NpgsqlConnection target, IEnumerable<string> tables, string source, bool append, CancellationToken cancellationToken)
    {
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {TableName} (table_name text PRIMARY KEY, source text NOT NULL, append boolean NOT NULL, " +
            "copied bigint NOT NULL DEFAULT 0, last_key text, done boolean NOT NULL DEFAULT false)", target, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var table in tables)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {TableName} (table_name, source, append) VALUES (@table, @source, @append) ON CONFLICT (table_name) DO NOTHING", target, transaction);
            insert.Parameters.AddWithValue("table", table);
            insert.Parameters.AddWithValue("source", source);
            insert.Parameters.AddWithValue("append", append);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records a batch, inside the batch's own transaction.</summary>
    public static async Task SaveAsync(
        NpgsqlConnection target, NpgsqlTransaction transaction, string table, CopyCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(
            $"UPDATE {TableName} SET copied = @copied, last_key = @key, done = @done WHERE table_name = @table", target, transaction);
        update.Parameters.AddWithValue("copied", checkpoint.Copied);
        update.Parameters.AddWithValue("key", checkpoint.LastKey is null ? DBNull.Value : JsonSerializer.Serialize(checkpoint.LastKey));
        update.Parameters.AddWithValue("done", checkpoint.Done);
        update.Parameters.AddWithValue("table", table);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task DropAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {TableName}", target);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A key as SQLite gave it (integers and text), back from its JSON, to continue after it.</summary>
    private static object?[] DecodeKey(string json)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. document.RootElement.EnumerateArray().Select(e => e.ValueKind switch
            {
                JsonValueKind.String => (object?)e.GetString(),
                JsonValueKind.Number when e.TryGetInt64(out var whole) => whole,
                JsonValueKind.Number => e.GetDouble(),
                JsonValueKind.Null => null,
                _ => throw new InvalidOperationException($"{TableName} holds a key this version cannot read: {json}"),
            }),
        ];
    }
}
