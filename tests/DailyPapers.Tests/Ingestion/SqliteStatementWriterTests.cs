using DailyPapers.Infrastructure.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Tests.Ingestion;

/// <summary>Values bound through SQLite's C API land exactly as Microsoft.Data.Sqlite (and so EF) writes them.</summary>
public sealed class SqliteStatementWriterTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementWriterTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (source TEXT, t TEXT, i INTEGER, l INTEGER, b INTEGER, at TEXT, day TEXT)";
        create.ExecuteNonQuery();
    }

    [Theory]
    [InlineData("plain ASCII")]
    [InlineData("caf\u00e9, \u6f22\u5b57 and \U0001F600")]
    [InlineData("")]
    [InlineData("a lone surrogate \ud800 here")]
    public async Task Text_is_stored_as_the_ADO_NET_provider_stores_it(string text)
    {
        await using (var statement = new SqliteStatementWriter(_connection, "INSERT INTO t (source, t) VALUES ('raw', @p0)"))
        {
            statement.Text(text);
            await statement.RunAsync(CancellationToken.None);
        }

        Insert("ado", text);

        Assert.Equal(Column("ado", "hex(t) || typeof(t)"), Column("raw", "hex(t) || typeof(t)"));
    }

    [Fact]
    public async Task Numbers_dates_and_nulls_are_stored_as_the_ADO_NET_provider_stores_them()
    {
        var at = new DateTime(2025, 6, 9, 13, 4, 5, 120, DateTimeKind.Utc);
        await using (var statement = new SqliteStatementWriter(_connection, "INSERT INTO t VALUES ('raw', @p0, @p1, @p2, @p3, @p4, @p5)"))
        {
            statement.Text(null);
            statement.Int(7);
            statement.Long(long.MaxValue);
            statement.Bool(true);
            statement.Time(at);
            statement.Day(new DateOnly(2025, 6, 10));
            await statement.RunAsync(CancellationToken.None);
        }

        Insert("ado", null, 7, long.MaxValue, true, at, new DateOnly(2025, 6, 10));

        const string Everything = "quote(t) || quote(i) || quote(l) || quote(b) || quote(at) || quote(day)";
        Assert.Equal(Column("ado", Everything), Column("raw", Everything));
    }

    [Theory]
    [InlineData(638_850_000_000_000_000L)] // whole seconds: no fraction
    [InlineData(638_850_000_000_000_001L)] // one tick
    [InlineData(638_850_000_001_200_000L)] // trailing zeros dropped
    [InlineData(0L)]
    [InlineData(3_155_378_975_999_999_999L)] // DateTime.MaxValue
    public async Task Times_are_written_in_the_ADO_NET_provider_s_text_form(long ticks)
    {
        var at = new DateTime(ticks, DateTimeKind.Utc);
        await using (var statement = new SqliteStatementWriter(_connection, "INSERT INTO t (source, at, day) VALUES ('raw', @p0, @p1)"))
        {
            statement.Time(at);
            statement.Day(DateOnly.FromDateTime(at));
            await statement.RunAsync(CancellationToken.None);
        }

        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO t (source, at, day) VALUES ('ado', @at, @day)";
            command.Parameters.AddWithValue("@at", at);
            command.Parameters.AddWithValue("@day", DateOnly.FromDateTime(at));
            command.ExecuteNonQuery();
        }

        Assert.Equal(Column("ado", "at || ' ' || day"), Column("raw", "at || ' ' || day"));
    }

    [Fact]
    public async Task Running_with_a_value_missing_throws_instead_of_reusing_the_last_row_s()
    {
        await using var statement = new SqliteStatementWriter(_connection, "INSERT INTO t (source, t) VALUES (@p0, @p1)");
        statement.Text("raw");

        await Assert.ThrowsAsync<InvalidOperationException>(() => statement.RunAsync(CancellationToken.None).AsTask());
    }

    public void Dispose() => _connection.Dispose();

    private void Insert(string source, object? text, params object[] rest)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = rest.Length == 0
            ? "INSERT INTO t (source, t) VALUES (@s, @p0)"
            : "INSERT INTO t VALUES (@s, @p0, @p1, @p2, @p3, @p4, @p5)";
        command.Parameters.AddWithValue("@s", source);
        command.Parameters.AddWithValue("@p0", text ?? DBNull.Value);
        for (var i = 0; i < rest.Length; i++)
        {
            command.Parameters.AddWithValue($"@p{i + 1}", rest[i]);
        }

        command.ExecuteNonQuery();
    }

    private string Column(string source, string expression)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {expression} FROM t WHERE source = @s";
        command.Parameters.AddWithValue("@s", source);
        return (string)command.ExecuteScalar()!;
    }
}
