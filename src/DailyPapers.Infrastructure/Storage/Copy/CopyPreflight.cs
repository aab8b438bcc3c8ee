using Microsoft.Data.Sqlite;
using Npgsql;

namespace DailyPapers.Infrastructure.Storage.Copy;

/// <summary>What <see cref="StoreCopy"/> checks before it writes anything: the source, its tables, the target's rows.</summary>
internal static class CopyPreflight
{
    private const string QuartzPrefix = "qrtz_";

    /// <summary>The SQLite file, after checking it exists and is at this version's schema.</summary>
    public static async Task<string> CheckSourceAsync(StoreContextFactory source, CancellationToken cancellationToken)
    {
        if (source.Provider != StoreProvider.Sqlite)
        {
            throw new StoreNotReadyException(
                $"store copy reads a SQLite store, and the configured store is {StoreSchema.Describe(source)}; point --data (or Database__*) at the SQLite store.");
        }

        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(source.ConnectionString).DataSource);
        if (!File.Exists(file))
        {
            throw new StoreNotReadyException($"there is no SQLite store at {file}; give its data folder with --data.");
        }

        var state = await StoreSchema.ReadAsync(source, cancellationToken);
        if (state.Unknown.Count > 0)
        {
            throw new StoreNotReadyException(
                $"the SQLite store {file} was migrated by a newer dailypapers ({state.Unknown[^1]}); copy it with that version.");
        }

        if (state.Pending.Count > 0)
        {
            throw new StoreNotReadyException(
                $"the SQLite store {file} is not at this version's schema ({state.Pending.Count} migration(s) pending); run `dailypapers migrate` on it first.");
        }

        return file;
    }

    /// <summary>
    /// Tables in the source besides the model's: EF's migration history and lock (the target keeps its own) and SQLite's
    /// are not copied,
    /// Quartz's are skipped by name; anything else stops the copy, which would otherwise leave it behind unsaid.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckSourceTablesAsync(SqliteConnection source, IReadOnlyList<CopyTable> tables, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var list = source.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        var others = names.Where(n => !n.StartsWith("sqlite_", StringComparison.Ordinal) && !n.StartsWith("__EFMigrations", StringComparison.Ordinal) && tables.All(t => t.Name != n)).ToList();
        var unknown = others.Where(n => !n.StartsWith(QuartzPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new StoreNotReadyException(
                $"the SQLite store has table(s) this version does not know ({string.Join(", ", unknown)}); store copy copies only what it knows, so it stops here. Nothing was written.");
        }

        return others;
    }

    /// <summary>The first of the model's tables that has rows in the target (the seeded counters do not count).</summary>
    public static async Task<(string Table, long Count)?> FirstRowsAsync(NpgsqlConnection target, IReadOnlyList<CopyTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Where(t => !t.IsSeeded))
        {
            await using (var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", target))
            {
                exists.Parameters.AddWithValue("name", CopyTable.Quote(table.Name));
                if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                {
                    continue;
                }
            }

            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {CopyTable.Quote(table.Name)}", target);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! is var rows and > 0)
            {
                return (table.Name, rows);
            }
        }

        return null;
    }
}
