using System.Data.Common;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>
/// Plain ADO.NET connections for the read paths that run on every page view. An EF Core SQLite connection registers
/// its SQL functions again at each open, which measured ~0.4 ms, more than a whole listing query; these reads need none.
/// </summary>
internal static class ReadConnection
{
    public static async Task<DbConnection> OpenAsync(StoreContextFactory store, CancellationToken cancellationToken)
    {
        var connection = Create(store);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                // The same connection set-up as every EF context gets (SqlitePragmaInterceptor); ~10 µs.
                await using var command = connection.CreateCommand();
                command.CommandText = SqlitePragmaInterceptor.Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The same connection, opened synchronously: for the few reads made inside synchronous search code (the exact
    /// vectors that rescore a search by meaning).
    /// </summary>
    public static DbConnection Open(StoreContextFactory store)
    {
        var connection = Create(store);
        try
        {
            connection.Open();
            if (connection is SqliteConnection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = SqlitePragmaInterceptor.Pragmas;
                command.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static DbConnection Create(StoreContextFactory store) => store.Provider == StoreProvider.Sqlite
        ? new SqliteConnection(store.ConnectionString)
        : new NpgsqlConnection(store.ConnectionString);

    /// <summary>A command with its parameters (name, value pairs; null as SQL NULL), in <paramref name="transaction"/> if given.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
