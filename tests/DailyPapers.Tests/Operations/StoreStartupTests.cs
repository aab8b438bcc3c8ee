using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DailyPapers.Tests.Operations;

/// <summary>
/// How nodes and verbs meet the store (issue 13 §3 and faults): <c>migrate</c> applies each migration once however
/// many run at once; two nodes started together on an empty PostgreSQL database both come up; a node refuses, in one
/// line, a store it cannot reach, one a newer version migrated, and (when told not to migrate) one not migrated.
/// </summary>
public sealed class StoreStartupTests
{
    [Fact]
    public async Task Two_migrate_runs_at_once_on_an_empty_database_apply_each_migration_once()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Postgres, migrate: false);

        var runs = await Task.WhenAll(CliProcess.RunApartAsync(store.Settings, "migrate"), CliProcess.RunApartAsync(store.Settings, "migrate"));
        var again = await CliProcess.RunApartAsync(store.Settings, "migrate");

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
        // One of them applied everything; the other found it done (or waited on the lock and found it done).
        Assert.Single(runs, r => r.Output.Contains("applied", StringComparison.Ordinal));
        Assert.Contains("up to date, nothing to apply.", again.Output, StringComparison.Ordinal);
        var state = await StoreSchema.ReadAsync(store.Factory, CancellationToken.None);
        Assert.True(state.IsCurrent);
        await using var context = store.Factory.CreateContext();
        var known = context.Database.GetMigrations().Count();
        Assert.Equal(known, await context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync());
    }

    [Fact]
    public async Task Two_nodes_started_together_on_an_empty_database_both_come_up_ready()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Postgres, migrate: false);
        var nodes = new[] { TestData.FreePort(), TestData.FreePort() }.Select(port => (Port: port, Process: StartNode(store, port, Path.Combine(store.DataDirectory, $"node-{port}")))).ToList();
        try
        {
            var ready = await Task.WhenAll(nodes.Select(n => WaitReadyAsync(n.Port, n.Process)));
            Assert.All(ready, r => Assert.Equal(HttpStatusCode.OK, r));
            Assert.True((await StoreSchema.ReadAsync(store.Factory, CancellationToken.None)).IsCurrent);
        }
        finally
        {
            await CliProcess.StopAllAsync(nodes.Select(node => node.Process));
        }
    }

    [Fact]
    public async Task A_node_refuses_a_store_it_cannot_reach_one_a_newer_version_migrated_and_one_not_migrated_each_in_one_line()
    {
        await using var empty = await TestStore.CreateAsync(StoreProvider.Postgres, migrate: false);
        var notMigrated = await CliProcess.RunApartAsync(With(empty.Settings, ("Database:MigrateOnStart", "false")), "serve", "--urls", $"http://127.0.0.1:{TestData.FreePort()}");

        var unreachable = new Dictionary<string, string?>(empty.Settings)
        {
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(empty.Options.ConnectionString) { Port = TestData.FreePort(), Timeout = 3 }.ToString(),
        };
        var refused = await CliProcess.RunApartAsync(unreachable, "serve", "--urls", $"http://127.0.0.1:{TestData.FreePort()}");
        var refusedVerb = await CliProcess.RunApartAsync(unreachable, "migrate");

        await using var newer = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var context = newer.Factory.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        var tooNew = await CliProcess.RunApartAsync(newer.Settings, "serve", "--urls", $"http://127.0.0.1:{TestData.FreePort()}");
        var tooNewImport = await CliProcess.RunApartAsync(newer.Settings, "digest", "send");

        Assert.Equal(1, notMigrated.ExitCode);
        Assert.StartsWith("error: the store is not migrated:", notMigrated.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains("dailypapers migrate", notMigrated.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1), (refused.ExitCode, refusedVerb.ExitCode));
        Assert.StartsWith($"error: cannot reach the store (PostgreSQL {empty.Options.ConnectionString!.Split("Database=")[1].Split(';')[0]} on 127.0.0.1:", refused.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, tooNew.ExitCode);
        Assert.Contains("error: the store's schema is newer than this dailypapers", tooNew.Error, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", tooNew.Error, StringComparison.Ordinal);
        Assert.Contains("error: the store's schema is newer than this dailypapers", tooNewImport.Error, StringComparison.Ordinal);
        foreach (var run in new[] { notMigrated, refused, refusedVerb, tooNew, tooNewImport })
        {
            // One line, no stack trace.
            Assert.Single(run.Error.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_sqlite_store_not_in_wal_mode_such_as_a_copy_made_by_the_sqlite3_shell_opens_and_is_switched_to_wal()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(store.DataDirectory, "dailypapers.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "PRAGMA journal_mode=DELETE";
            Assert.Equal("delete", await delete.ExecuteScalarAsync());
        }

        var migrate = await CliProcess.RunApartAsync(store.Settings, "migrate");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("up to date", migrate.Output, StringComparison.Ordinal);
        await using var context = store.Factory.CreateContext();
        Assert.Equal("wal", await context.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync());
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings, params (string Key, string? Value)[] more)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }

    private static Process StartNode(TestStore store, int port, string dataDirectory) =>
        CliProcess.Start(
            With(store.Settings, ("DataDirectory", dataDirectory), ("Digests:Enabled", "false"), ("Search:Embeddings:Enabled", "false"), ("Logging:LogLevel:Default", "Warning")),
            "serve", "--urls", $"http://127.0.0.1:{port}");

    private static async Task<HttpStatusCode> WaitReadyAsync(int port, Process process)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the node on {port} exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        return HttpStatusCode.ServiceUnavailable;
    }

}
