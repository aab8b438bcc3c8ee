using System.Data.Common;
using System.Text.Json;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>The checkpoints of unfinished imports, in <c>sync_states</c> beside the harvest checkpoints.</summary>
public sealed class ImportCheckpoints(StoreContextFactory store)
{
    public const string KeyPrefix = "import:";

    /// <summary>The checkpoint an interrupted import of this input left, or null.</summary>
    public async Task<ImportCheckpoint?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var value = await context.SyncStates.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        try
        {
            return value is null ? null : JsonSerializer.Deserialize<ImportCheckpoint>(value) is { } found ? found with { Key = key } : null;
        }
        catch (JsonException)
        {
            // Written by another version of this code: the import starts over, which is always safe.
            return null;
        }
    }

    /// <summary>Forgets the checkpoint of an input once it has been imported to its end.</summary>
    public async Task ClearAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.SyncStates.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Saves <paramref name="checkpoint"/> inside the transaction of the batch it describes.</summary>
    internal static async Task SaveAsync(
        DbConnection connection, DbTransaction transaction, ImportCheckpoint checkpoint, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO sync_states (key, value, updated_at) VALUES (@key, @value, @now) " +
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
        Add(command, "@key", checkpoint.Key);
        Add(command, "@value", JsonSerializer.Serialize(checkpoint));
        Add(command, "@now", DateTime.SpecifyKind(now, DateTimeKind.Utc));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
