using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// Runs one prepared statement over many rows straight through SQLite's C API, inside the connection's open
/// transaction. ADO.NET's per-execution work (binding by name, boxing, re-validating parameters) costs more than
/// SQLite's own insert here; values are written exactly as Microsoft.Data.Sqlite writes them, so EF reads them back
/// unchanged.
/// </summary>
internal sealed class SqliteStatementWriter : IUpsertStatement
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _parameters;
    private byte[] _utf8 = new byte[4096];
    private int _next = 1;

    public SqliteStatementWriter(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _parameters = raw.sqlite3_bind_parameter_count(_statement);
    }

    // Text goes in as UTF-8, the database's encoding: SQLite's own UTF-16 conversion is a byte-at-a-time loop
    // and a second copy. Text that is not valid UTF-16 (a lone surrogate) goes in as UTF-16, for SQLite to convert
    // as it always has.
    public void Text(string? value)
    {
        var index = Next();
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < needed)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }

        Check(Utf8.FromUtf16(value, _utf8, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written))
            : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));
    }

    public void Int(int? value)
    {
        var index = Next();
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
    }

    public void Long(long value) => Check(raw.sqlite3_bind_int64(_statement, Next(), value));

    public void Bool(bool value) => Check(raw.sqlite3_bind_int64(_statement, Next(), value ? 1 : 0));

    // Dates in Microsoft.Data.Sqlite's text forms ("yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd"), which EF Core parses
    // back. Written digit by digit: parsing the custom format string on every call cost more than the insert.
    public void Time(DateTime? value)
    {
        var index = Next();
        if (value is not { } v)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        Span<byte> text = stackalloc byte[27];
        WriteDate(text, DateOnly.FromDateTime(v));
        text[10] = (byte)' ';
        WriteDigits(text.Slice(11, 2), v.Hour);
        text[13] = (byte)':';
        WriteDigits(text.Slice(14, 2), v.Minute);
        text[16] = (byte)':';
        WriteDigits(text.Slice(17, 2), v.Second);
        var length = 19;
        if (v.Ticks % TimeSpan.TicksPerSecond is var fraction and not 0)
        {
            // F: up to seven digits without trailing zeros.
            text[19] = (byte)'.';
            WriteDigits(text.Slice(20, 7), (int)fraction);
            length = 27;
            while (text[length - 1] == (byte)'0')
            {
                length--;
            }
        }

        Check(raw.sqlite3_bind_text(_statement, index, text[..length]));
    }

    public void Day(DateOnly value)
    {
        Span<byte> text = stackalloc byte[10];
        WriteDate(text, value);
        Check(raw.sqlite3_bind_text(_statement, Next(), text));
    }

    public ValueTask RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_next != _parameters + 1)
        {
            throw new InvalidOperationException($"{_next - 1} values given for {_parameters} parameters.");
        }

        _next = 1;
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        raw.sqlite3_reset(_statement);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void WriteDate(Span<byte> text, DateOnly date)
    {
        WriteDigits(text[..4], date.Year);
        text[4] = (byte)'-';
        WriteDigits(text.Slice(5, 2), date.Month);
        text[7] = (byte)'-';
        WriteDigits(text.Slice(8, 2), date.Day);
    }

    private static void WriteDigits(Span<byte> digits, int value)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private int Next() => _next <= _parameters
        ? _next++
        : throw new InvalidOperationException($"More values than the statement's {_parameters} parameters.");

    private void Check(int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }
}
