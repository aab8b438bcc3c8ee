using System.Data;
using System.Data.Common;
using System.Globalization;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// A change to one reader's signals. It starts by moving the reader's <c>signals_version</c>, which takes the reader's
/// row lock (PostgreSQL) or the write lock (SQLite): one reader's changes queue behind each other, so a limit counted
/// inside holds under concurrent requests, and a model trained before the change is known to be stale on every node.
/// Other readers' changes do not wait (no store-wide counter: signals change nothing any page shows to others).
/// </summary>
internal sealed class SignalTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private SignalTransaction(DbConnection connection, DbTransaction transaction, DateTime now)
    {
        _connection = connection;
        _transaction = transaction;
        Now = now;
    }

    public DateTime Now { get; }

    /// <summary>Null when there is no such account (deleted while the request ran).</summary>
    public static async Task<SignalTransaction?> BeginAsync(StoreContextFactory store, TimeProvider clock, string userId, CancellationToken cancellationToken)
    {
        var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await using var command = connection.Command(
                transaction, "UPDATE users SET signals_version = signals_version + 1 WHERE id = @user", ("@user", userId));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return new SignalTransaction(connection, transaction, clock.GetUtcNow().UtcDateTime);
            }
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }

        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        return null;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = _connection.Command(_transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long?> LongAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = _connection.Command(_transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> TextsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = _connection.Command(_transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<string> values = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Every row's values, for small reads (a reader's collections).</summary>
    public async Task<List<object[]>> RowsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = _connection.Command(_transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<object[]> rows = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    /// <summary>Whether the paper can take a signal: stored, not withdrawn, not hidden by a moderator.</summary>
    public async Task<bool> PaperIsVisibleAsync(string paperId, CancellationToken cancellationToken) =>
        await LongAsync("SELECT 1 FROM papers WHERE id = @id AND NOT is_deleted AND NOT is_hidden", cancellationToken, ("@id", paperId)) is not null;

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
