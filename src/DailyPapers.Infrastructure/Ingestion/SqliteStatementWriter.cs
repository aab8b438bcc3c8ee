using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// Runs one prepared statement over many rows straight through SQLite's C API, inside the connection's open
/// transaction. ADO.NET's per-execution work (binding by name, re-validating parameters) costs more than SQLite's
/// own insert here; values are written exactly as Microsoft.Data.Sqlite writes them, so EF reads them back unchanged.
/// </summary>
internal static class SqliteStatementWriter
{
    public static void Execute(SqliteConnection connection, string sql, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < row.Length; i++)
                {
                    Check(db, Bind(statement, i + 1, row[i]));
                }

                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(db, rc);
                }

                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
            }
        }
    }

    // Text goes in as UTF-16 spans (SQLite converts once, with no managed copy); dates in Microsoft.Data.Sqlite's
    // text forms, which EF Core parses back.
    private static int Bind(sqlite3_stmt statement, int index, object? value)
    {
        Span<char> buffer = stackalloc char[32];
        int written;
        switch (value)
        {
            case null or DBNull:
                return raw.sqlite3_bind_null(statement, index);
            case string s:
                return raw.sqlite3_bind_text16(statement, index, s.AsSpan());
            case int i:
                return raw.sqlite3_bind_int64(statement, index, i);
            case long l:
                return raw.sqlite3_bind_int64(statement, index, l);
            case bool b:
                return raw.sqlite3_bind_int64(statement, index, b ? 1 : 0);
            case DateTime d when d.TryFormat(buffer, out written, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture):
                return raw.sqlite3_bind_text16(statement, index, buffer[..written]);
            case DateOnly d when d.TryFormat(buffer, out written, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture):
                return raw.sqlite3_bind_text16(statement, index, buffer[..written]);
            default:
                throw new ArgumentException($"No SQLite binding for {value.GetType().Name}.", nameof(value));
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
