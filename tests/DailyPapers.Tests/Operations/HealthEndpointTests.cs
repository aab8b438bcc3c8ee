using System.Net;
using System.Text.Json;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DailyPapers.Tests.Operations;

/// <summary>/healthz and /readyz as a load balancer and systemd read them (issue 13 §5).</summary>
public sealed class HealthEndpointTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Ready_while_the_store_answers_at_this_version_and_the_index_keeps_up_and_says_why_not_otherwise(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = await RunningApp.StartAsync(store, new Dictionary<string, string?> { ["Web:ReadyMaxIndexLag"] = "100" });
        await app.SearchReadyAsync(withVectors: false);

        using var alive = await app.Client.GetAsync("/healthz");
        var (readyStatus, ready) = await ReadAsync(app, "/readyz");

        // The node stops following the store, and 150 papers arrive (as a big import elsewhere would bring them).
        var follower = app.Services.GetServices<IHostedService>().OfType<LexicalIndexService>().Single();
        await follower.StopAsync(CancellationToken.None);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [.. Enumerable.Range(1, 150).Select(i => SamplePapers.Item($"2507.{i:00000}", $"Late paper {i}", listedOn: new DateOnly(2025, 7, 1)))],
            CancellationToken.None);
        var (behindStatus, behind) = await ReadAsync(app, "/readyz");

        // A newer version migrated the store under this node.
        await ExecuteAsync(store, "INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        var (newerStatus, newer) = await ReadAsync(app, "/readyz");
        using var stillAlive = await app.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("no-store", alive.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(0, ready.GetProperty("checks").GetProperty("search-index").GetProperty("lag").GetInt64());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behindStatus);
        Assert.Equal("unhealthy", behind.GetProperty("checks").GetProperty("search-index").GetProperty("status").GetString());
        Assert.Equal("more than 100 changed papers not indexed yet", behind.GetProperty("checks").GetProperty("search-index").GetProperty("description").GetString());
        Assert.Equal("healthy", behind.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, newerStatus);
        Assert.Contains("newer than this node", newer.GetProperty("checks").GetProperty("store").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillAlive.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(RunningApp app, string path)
    {
        using var response = await app.Client.GetAsync(path);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static async Task ExecuteAsync(TestStore store, string sql)
    {
        await using var context = store.Factory.CreateContext();
        await context.Database.ExecuteSqlRawAsync(sql);
    }
}
