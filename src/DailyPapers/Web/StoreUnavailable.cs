using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DailyPapers.Web;

/// <summary>
/// A request that failed because the store could not be reached or was too busy — PostgreSQL restarting or down, its
/// connections used up, SQLite locked past its timeout — is answered 503 with <c>Retry-After</c>, not 500: nothing
/// is wrong with the request, and the node recovers by itself when the store is back (new connections are opened per
/// request from the pool, which drops broken ones).
/// </summary>
public static class StoreUnavailable
{
    public const int RetryAfterSeconds = 5;

    public const string Message = "The site's database is not answering right now (a restart or maintenance); please try again in a few seconds.";

    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection class (08…), shut down or starting up (57P01–57P03), too many connections (53300), a
                // database not accepting connections (55000, during maintenance).
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "55000":
                    return true;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
                case SocketException:
                case TimeoutException when e.InnerException is null or DbException or SocketException:
                    return true;
            }
        }

        return false;
    }

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
