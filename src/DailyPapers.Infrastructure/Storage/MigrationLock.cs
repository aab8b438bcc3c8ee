using Npgsql;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>
/// One process at a time migrates a store: a session advisory lock on PostgreSQL (released with its connection, so a
/// killed process leaves nothing held), an exclusive lock file in the data folder for SQLite (every process on one
/// SQLite file shares that folder; .NET takes it with flock, which the OS releases when the process dies).
/// </summary>
internal static class MigrationLock
{
    /// <summary>"dailypapers-migrate" as a 64-bit advisory lock key; any constant would do, this one is recognisable.</summary>
    private const long AdvisoryKey = 0x6470_6D69_6772_6174;

    public static async Task<IAsyncDisposable> TakeAsync(StoreContextFactory store, CancellationToken cancellationToken)
    {
        if (store.Provider == StoreProvider.Postgres)
        {
            var connection = new NpgsqlConnection(store.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                take.Parameters.AddWithValue("key", AdvisoryKey);
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }

        var path = Path.Combine(store.DataDirectory, ".migrate.lock");
        while (true)
        {
            try
            {
                // Kept, not deleted on close: a process that opened the old file would lock a name no longer there.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException)
            {
                // Another process migrates; it takes a second or two.
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
