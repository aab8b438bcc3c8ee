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

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        // Microsoft.Data.Sqlite's text forms for dates, which EF Core parses back.
        DateTime d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"No SQLite binding for {value.GetType().Name}.", nameof(value)),
    };

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
