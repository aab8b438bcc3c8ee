using Microsoft.Data.Sqlite;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>What a backup or a restore did, for the verb's line.</summary>
public sealed record BackupReport(string File, long Bytes, int Papers, TimeSpan Elapsed);

/// <summary>
/// Backs a SQLite store up while the site serves, and restores one into an empty data folder. The copy is SQLite's
/// online backup API in one step: one read transaction, so the file holds the store as it was when the backup began
/// (everything acknowledged by then, a consistent whole), while writers go on. PostgreSQL stores use pg_dump and
/// pg_restore (docs/deploy.md).
/// </summary>
public static class StoreBackup
{
    public static async Task<BackupReport> BackUpAsync(StoreContextFactory store, string file, CancellationToken cancellationToken)
    {
        RequireSqlite(store, "backup");
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            throw new StoreNotReadyException($"{target} exists; give a new file name (a backup never overwrites one).");
        }

        var started = DateTime.UtcNow;
        // Written beside the target and renamed at the end: a killed backup leaves no file that looks complete.
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = new SqliteConnection(store.ConnectionString))
            await using (var destination = new SqliteConnection(Unpooled(partial)))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
                await CheckpointAsync(destination, cancellationToken);
            }

            File.Move(partial, target);
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm" })
            {
                File.Delete(leftover);
            }
        }

        return new BackupReport(target, new FileInfo(target).Length, await CountPapersAsync(target, cancellationToken), DateTime.UtcNow - started);
    }

    /// <summary>
    /// Puts a backup in place as the store of an empty data folder, after checking it is whole (SQLite's integrity
    /// check) and is a DailyPapers store. The caller then brings the schema up to date and rebuilds the search index.
    /// </summary>
    public static async Task<BackupReport> RestoreAsync(StoreContextFactory store, string file, CancellationToken cancellationToken)
    {
        RequireSqlite(store, "restore");
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new StoreNotReadyException($"{source} does not exist.");
        }

        var target = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            throw new StoreNotReadyException(
                $"{target} exists: restore goes into an empty data folder (move the old one aside first; nothing was changed).");
        }

        var started = DateTime.UtcNow;
        await CheckAsync(source, cancellationToken);
        var partial = target + ".partial";
        File.Delete(partial);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            await using (var from = new SqliteConnection(Unpooled(source, readOnly: true)))
            await using (var to = new SqliteConnection(Unpooled(partial)))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
                await CheckpointAsync(to, cancellationToken);
            }

            File.Move(partial, target);
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm" })
            {
                File.Delete(leftover);
            }
        }

        return new BackupReport(target, new FileInfo(target).Length, await CountPapersAsync(target, cancellationToken), DateTime.UtcNow - started);
    }

    /// <summary>
    /// The copy keeps the store's WAL mode; everything is moved into the main file, so the one file is the whole
    /// backup (no -wal beside it to forget when it is moved or copied).
    /// </summary>
    private static async Task CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CheckAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(Unpooled(file, readOnly: true));
            await connection.OpenAsync(cancellationToken);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new StoreNotReadyException($"{file} is damaged (SQLite's integrity check: {result}); nothing was restored.");
            }

            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('papers', '__EFMigrationsHistory')";
            if (Convert.ToInt32(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 2)
            {
                throw new StoreNotReadyException($"{file} is a SQLite file but not a DailyPapers store; nothing was restored.");
            }
        }
        catch (SqliteException e)
        {
            throw new StoreNotReadyException($"{file} is not a SQLite database ({e.Message}); nothing was restored.", e);
        }
    }

    private static async Task<int> CountPapersAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(Unpooled(file, readOnly: true));
        await connection.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM papers";
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A connection closed for good when disposed: the file is moved or checked right after.</summary>
    private static string Unpooled(string file, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    private static void RequireSqlite(StoreContextFactory store, string verb)
    {
        if (store.Provider != StoreProvider.Sqlite)
        {
            throw new StoreNotReadyException(
                $"{verb} copies a SQLite store; this one is PostgreSQL: use pg_dump -Fc and pg_restore (docs/deploy.md).");
        }
    }
}
