using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>
/// Puts every SQLite connection in the mode the store needs: WAL (readers never block the writer),
/// NORMAL sync (durable at checkpoints, safe from corruption), a busy timeout so two writers wait for each other, and a 32 MB page cache so bulk imports
/// don't re-read index pages.
/// </summary>
/// <remarks>
/// A new store gets 16 KB pages: a paper row is ~2 KB (most of it the abstract), so 4 KB pages held one or two rows
/// and an import wrote and checkpointed twice the pages through twice the syscalls. On an existing store the
/// page_size pragma changes nothing (it applies only before the first table is created). A read-only connection (EF opens
/// one to see whether the store exists) gets only the pragmas that write nothing: switching a file that is not in
/// WAL mode yet (a copy made by the sqlite3 shell, say) would fail there with "attempt to write a readonly database".
/// </remarks>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const string Pragmas =
        "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768; PRAGMA journal_size_limit=67108864;";

    private const string ReadOnlyPragmas = "PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;";

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = For(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = For(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string For(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;
}
