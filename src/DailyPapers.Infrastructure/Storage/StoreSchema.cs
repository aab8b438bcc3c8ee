using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>Where the store's schema stands against this build's migrations.</summary>
/// <param name="Pending">This build's migrations the store has not had yet.</param>
/// <param name="Unknown">Migrations the store has that this build does not know: a newer version migrated it.</param>
public sealed record SchemaState(IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public bool IsCurrent => Pending.Count == 0 && Unknown.Count == 0;
}

/// <summary>The store cannot be used by this process, in one line an operator can act on.</summary>
public sealed class StoreNotReadyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// What a node or a verb checks before it uses the store: that it can be reached, that no newer version has migrated
/// it, and that it is migrated (applying the migrations when asked). Migrating is done under <see cref="MigrationLock"/>,
/// so nodes of one version started together on an empty database apply each migration once.
/// </summary>
public static class StoreSchema
{
    public static async Task<SchemaState> ReadAsync(StoreContextFactory store, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var known = context.Database.GetMigrations().ToList();
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return new SchemaState([.. known.Except(applied, StringComparer.Ordinal)], [.. applied.Except(known, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Makes the store usable by this build: migrates it when <paramref name="migrate"/>, else requires it migrated.
    /// Returns the migrations applied now. Throws <see cref="StoreNotReadyException"/> when the store cannot be
    /// reached, is newer than this build, or is not migrated and may not be.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PrepareAsync(StoreContextFactory store, bool migrate, CancellationToken cancellationToken)
    {
        var state = await ReadReachableAsync(store, cancellationToken);
        if (state.Unknown.Count > 0)
        {
            throw Newer(state);
        }

        if (state.Pending.Count == 0)
        {
            return [];
        }

        if (!migrate)
        {
            throw new StoreNotReadyException(
                $"the store is not migrated: {state.Pending.Count} migration(s) of this version are not applied ({state.Pending[^1]} is the latest). " +
                "Run `dailypapers migrate` once, then start the nodes (or set Database__MigrateOnStart=true).");
        }

        // EF Core's own migration lock does not cover an empty PostgreSQL database (two processes both create the
        // first tables), so processes take one lock of ours around reading what is pending and applying it.
        await using (await MigrationLock.TakeAsync(store, cancellationToken))
        {
            state = await ReadAsync(store, cancellationToken);
            if (state.Unknown.Count > 0)
            {
                throw Newer(state);
            }

            try
            {
                if (state.Pending.Count > 0)
                {
                    await store.MigrateAsync(cancellationToken);
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                throw new StoreNotReadyException($"migrating the store ({Describe(store)}) failed: {FirstLine(e)}", e);
            }
        }

        return state.Pending;
    }

    private static async Task<SchemaState> ReadReachableAsync(StoreContextFactory store, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(store, cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new StoreNotReadyException($"cannot reach the store ({Describe(store)}): {FirstLine(e)}", e);
        }
    }

    private static StoreNotReadyException Newer(SchemaState state) => new(
        $"the store's schema is newer than this dailypapers: it has {state.Unknown.Count} migration(s) this version does not know " +
        $"({string.Join(", ", state.Unknown.Take(3))}{(state.Unknown.Count > 3 ? ", …" : "")}). Run the version that migrated it, " +
        "or restore a backup made by this one.");

    /// <summary>The store in words, without its password: "PostgreSQL db1 on 10.0.0.5:5432 as app" or the SQLite file.</summary>
    public static string Describe(StoreContextFactory store)
    {
        if (store.Provider == StoreProvider.Sqlite)
        {
            return $"SQLite {new SqliteConnectionStringBuilder(store.ConnectionString).DataSource}";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString);
            return $"PostgreSQL {builder.Database} on {builder.Host}:{builder.Port} as {builder.Username}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL, with a connection string that does not parse";
        }
    }

    internal static bool IsUnreachable(Exception e) => e switch
    {
        StoreNotReadyException or OperationCanceledException => false,
        // A refused or unknown host, a wrong password or database name, an unwritable SQLite folder; a connection
        // string that does not parse is an ArgumentException.
        DbException or SocketException or TimeoutException or ArgumentException => true,
        _ => e.InnerException is { } inner && IsUnreachable(inner),
    };

    /// <summary>The database's own words when there are any (the first DbException down the chain), on one line.</summary>
    internal static string FirstLine(Exception e)
    {
        var cause = e;
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException)
            {
                cause = inner;
                break;
            }
        }

        var message = cause.InnerException is SocketException socket ? $"{cause.Message.TrimEnd('.')} ({socket.Message})" : cause.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
