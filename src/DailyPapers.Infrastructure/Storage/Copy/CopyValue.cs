using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace DailyPapers.Infrastructure.Storage.Copy;

/// <summary>
/// A column value on its way between the stores: read as the provider stores it (SQLite keeps dates as text, booleans
/// as integers), turned into the value the application reads (EF's converters), and into what PostgreSQL takes.
/// </summary>
internal static class CopyValue
{
    /// <summary>The column's value as the application reads it; null for SQL NULL.</summary>
    public static object? Read(DbDataReader reader, int ordinal, Type providerType, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        object value = providerType switch
        {
            _ when providerType == typeof(string) => reader.GetString(ordinal),
            _ when providerType == typeof(bool) => reader.GetBoolean(ordinal),
            _ when providerType == typeof(long) => reader.GetInt64(ordinal),
            _ when providerType == typeof(int) => reader.GetInt32(ordinal),
            _ when providerType == typeof(short) => reader.GetInt16(ordinal),
            _ when providerType == typeof(byte) => reader.GetByte(ordinal),
            _ when providerType == typeof(double) => reader.GetDouble(ordinal),
            _ when providerType == typeof(float) => reader.GetFloat(ordinal),
            _ when providerType == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when providerType == typeof(DateTime) => reader.GetDateTime(ordinal),
            _ when providerType == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            _ when providerType == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when providerType == typeof(TimeOnly) => reader.GetFieldValue<TimeOnly>(ordinal),
            _ when providerType == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(ordinal),
            _ when providerType == typeof(Guid) => reader.GetGuid(ordinal),
            _ when providerType == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ => throw new NotSupportedException($"store copy cannot read values of type {providerType.Name}"),
        };
        return converter is null ? value : converter.ConvertFromProvider(value);
    }

    /// <summary>The application's value as PostgreSQL takes it: timestamptz wants UTC, which every stored time is.</summary>
    public static object? ToTarget(object? value, CopyColumn column)
    {
        if (value is null)
        {
            return null;
        }

        value = column.TargetConverter is null ? value : column.TargetConverter.ConvertToProvider(value)!;
        return value switch
        {
            DateTime time when column.TargetDbType == NpgsqlDbType.TimestampTz => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
            DateTimeOffset time => time.ToUniversalTime(),
            _ => value,
        };
    }

    /// <summary>Writes a non-null value typed as itself: Npgsql resolves its writer from the static type.</summary>
    public static Task WriteAsync(NpgsqlBinaryImporter importer, object value, NpgsqlDbType type, CancellationToken cancellationToken) => value switch
    {
        string text => importer.WriteAsync(text, type, cancellationToken),
        bool flag => importer.WriteAsync(flag, type, cancellationToken),
        long number => importer.WriteAsync(number, type, cancellationToken),
        int number => importer.WriteAsync(number, type, cancellationToken),
        short number => importer.WriteAsync(number, type, cancellationToken),
        byte number => importer.WriteAsync((short)number, type, cancellationToken),
        double number => importer.WriteAsync(number, type, cancellationToken),
        float number => importer.WriteAsync(number, type, cancellationToken),
        decimal number => importer.WriteAsync(number, type, cancellationToken),
        DateTime time => importer.WriteAsync(time, type, cancellationToken),
        DateTimeOffset time => importer.WriteAsync(time, type, cancellationToken),
        DateOnly day => importer.WriteAsync(day, type, cancellationToken),
        TimeOnly time => importer.WriteAsync(time, type, cancellationToken),
        TimeSpan span => importer.WriteAsync(span, type, cancellationToken),
        Guid id => importer.WriteAsync(id, type, cancellationToken),
        byte[] bytes => importer.WriteAsync(bytes, type, cancellationToken),
        _ => throw new NotSupportedException($"store copy cannot write values of type {value.GetType().Name}"),
    };

    /// <summary>
    /// The value in one canonical text, the same whichever store it was read from: an enum by its number, bytes in
    /// base64, a time in whole microseconds whatever its kind (SQLite's text has none, PostgreSQL's is UTC).
    /// PostgreSQL keeps microseconds and Npgsql drops the 100-ns digit SQLite may hold (a time taken from the clock),
    /// so that is what a copy can keep, and what the checksum compares.
    /// </summary>
    public static string Canonical(object? value) => value switch
    {
        null => "\0",
        string text => "s" + text,
        bool flag => flag ? "b1" : "b0",
        DateTime time => "t" + (time.Ticks / 10).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset time => "o" + (time.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        DateOnly day => "d" + day.DayNumber.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => "x" + Convert.ToBase64String(bytes),
        Enum member => "n" + Convert.ToInt64(member, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double number => "n" + number.ToString("R", CultureInfo.InvariantCulture),
        float number => "n" + number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable other => "n" + other.ToString(null, CultureInfo.InvariantCulture),
        _ => "?" + value,
    };

    /// <summary>
    /// The PostgreSQL type of a column as the model names it (<c>character varying(40)</c>); a type this list does
    /// not know stops the copy before anything is written rather than letting the database guess.
    /// </summary>
    public static NpgsqlDbType DbType(string table, string column, string storeType)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        var name = (paren < 0 ? storeType : storeType[..paren]).Trim().ToUpperInvariant();
        return name switch
        {
            "TEXT" => NpgsqlDbType.Text,
            "CHARACTER VARYING" or "VARCHAR" => NpgsqlDbType.Varchar,
            "CHARACTER" or "CHAR" => NpgsqlDbType.Char,
            "BOOLEAN" => NpgsqlDbType.Boolean,
            "SMALLINT" => NpgsqlDbType.Smallint,
            "INTEGER" => NpgsqlDbType.Integer,
            "BIGINT" => NpgsqlDbType.Bigint,
            "REAL" => NpgsqlDbType.Real,
            "DOUBLE PRECISION" => NpgsqlDbType.Double,
            "NUMERIC" => NpgsqlDbType.Numeric,
            "DATE" => NpgsqlDbType.Date,
            "TIMESTAMP WITH TIME ZONE" => NpgsqlDbType.TimestampTz,
            "TIMESTAMP WITHOUT TIME ZONE" => NpgsqlDbType.Timestamp,
            "INTERVAL" => NpgsqlDbType.Interval,
            "UUID" => NpgsqlDbType.Uuid,
            "BYTEA" => NpgsqlDbType.Bytea,
            "JSONB" => NpgsqlDbType.Jsonb,
            "JSON" => NpgsqlDbType.Json,
            _ => throw new NotSupportedException($"store copy does not know the PostgreSQL type {storeType} of {table}.{column}"),
        };
    }
}
