using System.Diagnostics;
using System.Net;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Npgsql;

namespace DailyPapers.Tests.Operations;

/// <summary>
/// PostgreSQL going away while a node serves (issue 13, faults): requests fail cleanly — 503 with Retry-After, the
/// page or problem saying so, no stack trace — and the node recovers by itself when the database is back.
/// </summary>
public sealed class StoreOutageTests
{
    private const string Page = "/papers/date/2025-06-10";
    private const string Api = "/api/daily_papers?date=2025-06-10";

    [Fact]
    public async Task While_postgres_refuses_connections_pages_and_the_api_answer_503_and_the_node_recovers_by_itself()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Postgres);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [SamplePapers.Item("2506.00001", "A paper", listedOn: new DateOnly(2025, 6, 10), source: Core.Papers.ListingSource.Hf, upvotes: 2)],
            CancellationToken.None);
        // Uncached, so that every request needs the store.
        await using var app = await RunningApp.StartAsync(store, new Dictionary<string, string?> { ["Web:OutputCache"] = "false" });
        using (var before = await app.Client.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var database = new NpgsqlConnectionStringBuilder(store.Options.ConnectionString).Database!;
        await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        try
        {
            using var page = await app.Client.GetAsync(Page);
            using var api = await app.Client.GetAsync(Api);
            var pageText = await page.Content.ReadAsStringAsync();
            var apiText = await api.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("5", page.Headers.GetValues("Retry-After").Single());
            Assert.Contains("database is not answering right now", pageText, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", pageText, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Equal("5", api.Headers.GetValues("Retry-After").Single());
            Assert.Contains("database is not answering right now", apiText, StringComparison.Ordinal);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        }

        // Back by itself: no restart, the pool opens new connections.
        var waited = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await app.Client.GetAsync(Page);
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(200);
            }
        }
        while (status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, status);
        using var apiAfter = await app.Client.GetAsync(Api);
        Assert.Equal(HttpStatusCode.OK, apiAfter.StatusCode);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestStore.PostgresVariable));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
