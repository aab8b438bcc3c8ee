using System.Data;
using System.Data.Common;
using System.Globalization;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Community;

/// <summary>
/// A write by a reader or moderator (a vote, a comment, a submission, hiding) that changes what a paper shows. It
/// takes the <c>paper_changes</c> counter's row lock first, as imports do, so every changed paper gets the next change
/// sequence number in commit order: the search index and page caches of every node follow it, and concurrent votes on
/// one paper queue here instead of losing updates. Votes on PostgreSQL, by far the most frequent of these writes,
/// do the same in one statement instead (<see cref="VoteStatement"/>): a transaction holds the lock for all its round
/// trips, which with several nodes capped the whole cluster's votes at one over that time.
/// </summary>
internal sealed class PaperChangeTransaction : IAsyncDisposable
{
    /// <summary>
    /// One change transaction at a time per process. They serialise on the counter's lock anyway; waiting here instead
    /// of in the database keeps the others from each holding a pooled connection while they queue. Measured with 200
    /// voting clients on PostgreSQL: the default pool of 100 connections queued on the row lock gave 161 votes/s and a
    /// 6 s slowest answer, close to Npgsql's 15 s wait for a connection; 10 connections gave 267 votes/s and 1.2 s.
    /// </summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly DateTime _now;
    private readonly StoreVersion _version;
    private long _sequence;
    private bool _changed;

    private PaperChangeTransaction(DbConnection connection, DbTransaction transaction, long sequence, DateTime now, StoreVersion version)
    {
        _version = version;
        _connection = connection;
        _transaction = transaction;
        _sequence = sequence;
        _now = now;
    }

    public DateTime Now => _now;

    public static async Task<PaperChangeTransaction> BeginAsync(
        StoreContextFactory store, StoreVersion version, TimeProvider clock, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        DbConnection? connection = null;
        DbTransaction? transaction = null;
        try
        {
            connection = await ReadConnection.OpenAsync(store, cancellationToken);
            transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // A write as the first statement: SQLite takes its write lock here, PostgreSQL the counter row's lock.
            command.CommandText = "UPDATE store_counters SET value = value WHERE name = @name RETURNING value";
            command.AddParameter("@name", StoreCounterEntity.PaperChanges);
            var sequence = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return new PaperChangeTransaction(connection, transaction, sequence, clock.GetUtcNow().UtcDateTime, version);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            Gate.Release();
            throw;
        }
    }

    /// <summary>A command in this transaction with the given parameters (name, value pairs).</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        _connection.Command(_transaction, sql, parameters);

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>The day in the first column of the first row (as <c>MAX(day)</c> gives it); null when there is none.</summary>
    public async Task<DateOnly?> DayAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Read as PaperReader reads days: a date on PostgreSQL, text on SQLite, DateOnly either way.
        return await reader.ReadAsync(cancellationToken) && !await reader.IsDBNullAsync(0, cancellationToken) ? reader.GetFieldValue<DateOnly>(0) : null;
    }

    /// <summary>
    /// Applies <paramref name="set"/> (e.g. <c>local_votes = local_votes + 1</c>, or nothing) to the paper and moves
    /// it to the next change sequence number.
    /// </summary>
    public async Task ChangePaperAsync(string paperId, string? set, CancellationToken cancellationToken)
    {
        _sequence++;
        _changed = true;
        await ExecuteAsync(
            $"UPDATE papers SET {(set is null ? "" : set + ", ")}change_seq = @seq, modified_at = @now WHERE id = @id",
            cancellationToken,
            ("@seq", _sequence),
            ("@now", _now),
            ("@id", paperId));
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_changed)
        {
            await ExecuteAsync(
                "UPDATE store_counters SET value = @value WHERE name = @name",
                cancellationToken,
                ("@value", _sequence),
                ("@name", StoreCounterEntity.PaperChanges));
        }

        await _transaction.CommitAsync(cancellationToken);
        if (_changed)
        {
            _version.Changed();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
        finally
        {
            Gate.Release();
        }
    }
}
