using System.Diagnostics;
using System.Net;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Web;

/// <summary>
/// Pages and read API answers come from memory until the store's change counter moves, whoever moves it; errors,
/// signed requests and a disabled cache always get a fresh answer. A response served from the cache carries Age.
/// </summary>
public sealed class OutputCacheTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    // The counter is re-read at most once a second; the rest allows for a slow, shared test machine (3 s was seen
    // missed by 50 ms under load). Far below the cache's lifetime (10 minutes), so only the counter can explain it.
    private static readonly TimeSpan VisibleWithin = StoreVersion.MaxAge + TimeSpan.FromSeconds(5);

    public static TheoryData<string> CachedAddresses => new()
    {
        "/",
        "/papers/date/2025-06-10",
        "/papers/date/2025-06-10?source=hf",
        "/papers/week/2025-W24",
        "/papers/month/2025-06",
        "/papers/2506.00002",
        "/api/daily_papers",
        "/api/daily_papers?date=2025-06-10",
        "/api/papers/2506.00002",
    };

    [Theory]
    [MemberData(nameof(CachedAddresses))]
    public async Task An_answer_is_served_from_the_cache_until_the_change_counter_moves(string url)
    {
        await using var store = await StoreWithTwoPapersAsync(StoreProvider.Sqlite);
        await using var app = await StartCaughtUpAsync(store);
        var first = await app.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.Contains("Popular paper", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Behind the store's back (no counter bump): the cached answer stays.
        await ExecuteAsync(store, "UPDATE papers SET title = 'Renamed paper' WHERE id = '2506.00002'");
        var second = await app.Client.GetAsync(url);
        Assert.NotNull(second.Headers.Age);
        Assert.DoesNotContain("Renamed paper", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ExecuteAsync(store, $"UPDATE store_counters SET value = value + 1 WHERE name = '{StoreCounterEntity.PaperChanges}'");
        var (_, elapsed) = await PollAsync(app, url, body => body.Contains("Renamed paper", StringComparison.Ordinal));
        Assert.True(elapsed < VisibleWithin, $"the change showed after {elapsed}");
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_paper_written_by_another_writer_shows_on_the_cached_day_page_and_api_within_about_a_second(StoreProvider provider)
    {
        await using var store = await StoreWithTwoPapersAsync(provider);
        await using var app = await StartCaughtUpAsync(store);
        Assert.DoesNotContain("Fresh paper", await app.Client.GetStringAsync("/papers/date/2025-06-10"), StringComparison.Ordinal);
        Assert.DoesNotContain("Fresh paper", await app.Client.GetStringAsync("/api/daily_papers?date=2025-06-10"), StringComparison.Ordinal);

        // Its own factory and writer, as a CLI import or another web node would have.
        var writer = new PaperWriter(new StoreContextFactory(store.Options, store.DataDirectory), TimeProvider.System);
        await writer.WriteAsync([SamplePapers.Item("2506.00009", "Fresh paper", listedOn: Day, source: ListingSource.Hf, upvotes: 99)], CancellationToken.None);
        var (page, pageElapsed) = await PollAsync(app, "/papers/date/2025-06-10", body => body.Contains("Fresh paper", StringComparison.Ordinal));
        var (api, _) = await PollAsync(app, "/api/daily_papers?date=2025-06-10", body => body.Contains("Fresh paper", StringComparison.Ordinal));

        Assert.True(pageElapsed < VisibleWithin, $"the new paper showed after {pageElapsed}");
        Assert.Contains("3 papers", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Fresh paper", StringComparison.Ordinal) < page.IndexOf("Popular paper", StringComparison.Ordinal));
        Assert.Contains("2506.00009", api, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/papers/date/2025-06-11")]
    [InlineData("/papers/2506.00009")]
    [InlineData("/api/papers/2506.00009")]
    public async Task A_not_found_answer_is_never_cached(string url)
    {
        await using var store = await StoreWithTwoPapersAsync(StoreProvider.Sqlite);
        await using var app = await StartCaughtUpAsync(store);
        var missing = await app.Client.GetAsync(url);
        var again = await app.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(again.Headers.Age);

        // Added behind the store's back: had the 404 been stored, the unchanged counter would keep serving it.
        await AddUncountedPaperAsync(store, "2506.00009", "Uncounted paper", Day.AddDays(1));
        var found = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("Uncounted paper", await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_request_stays_a_bad_request_and_does_not_touch_the_good_page()
    {
        await using var store = await StoreWithTwoPapersAsync(StoreProvider.Sqlite);
        await using var app = await StartCaughtUpAsync(store);

        var bad = await app.Client.GetAsync("/papers/date/2025-06-10?page=0");
        var badAgain = await app.Client.GetAsync("/papers/date/2025-06-10?page=0");
        var good = await app.Client.GetAsync("/papers/date/2025-06-10");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAgain.StatusCode);
        Assert.Contains("class=\"error-page\"", await badAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("Popular paper", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_query_string_is_cached_apart()
    {
        await using var store = await StoreWithTwoPapersAsync(StoreProvider.Sqlite);
        await using var app = await StartCaughtUpAsync(store);

        var hf = await app.Client.GetStringAsync("/papers/date/2025-06-10?source=hf");
        var arxiv = await app.Client.GetStringAsync("/papers/date/2025-06-10?source=arxiv");
        var secondPage = await app.Client.GetAsync("/papers/date/2025-06-10?page=2");

        Assert.Contains("Popular paper", hf, StringComparison.Ordinal);
        Assert.DoesNotContain("Popular paper", arxiv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, secondPage.StatusCode);
    }

    [Fact]
    public async Task A_request_with_credentials_bypasses_the_cache()
    {
        await using var store = await StoreWithTwoPapersAsync(StoreProvider.Sqlite);
        await using var app = await StartCaughtUpAsync(store);
        await app.Client.GetStringAsync("/papers/2506.00002");
        await ExecuteAsync(store, "UPDATE papers SET title = 'Renamed paper' WHERE id = '2506.00002'");

        using var signed = new HttpRequestMessage(HttpMethod.Get, "/papers/2506.00002");
        signed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token");
        var signedResponse = await app.Client.SendAsync(signed);
        var anonymous = await app.Client.GetStringAsync("/papers/2506.00002");

        Assert.Contains("Renamed paper", await signedResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(signedResponse.Headers.Age);
        Assert.DoesNotContain("Renamed paper", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_cache_off_every_request_reads_the_store()
    {
        await using var store = await StoreWithTwoPapersAsync(StoreProvider.Sqlite);
        await using var app = await StartCaughtUpAsync(store, new Dictionary<string, string?> { ["Web:OutputCache"] = "false" });
        await app.Client.GetStringAsync("/papers/date/2025-06-10");
        await ExecuteAsync(store, "UPDATE papers SET title = 'Renamed paper' WHERE id = '2506.00002'");

        var response = await app.Client.GetAsync("/papers/date/2025-06-10");

        Assert.Null(response.Headers.Age);
        Assert.Contains("Renamed paper", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The app with its search index already caught up with the store. Cached pages vary by the index's sequence too
    /// (paper pages show similar papers), so an index still catching up in the background would turn the second
    /// request into a miss on a slow machine.
    /// </summary>
    private static async Task<RunningApp> StartCaughtUpAsync(TestStore store, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await RunningApp.StartAsync(store, settings);
        await app.SearchReadyAsync();
        return app;
    }

    private static async Task<TestStore> StoreWithTwoPapersAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
        [
            SamplePapers.Item("2506.00001", "Quiet paper", listedOn: Day, source: ListingSource.Hf, upvotes: 2),
            SamplePapers.Item("2506.00002", "Popular paper", listedOn: Day, source: ListingSource.Hf, upvotes: 50),
        ], CancellationToken.None);
        return store;
    }

    private static async Task ExecuteAsync(TestStore store, string sql)
    {
        await using var context = store.Factory.CreateContext();
        Assert.Equal(1, await context.Database.ExecuteSqlRawAsync(sql));
    }

    /// <summary>A paper and listing written with EF directly, so the change counter does not move.</summary>
    private static async Task AddUncountedPaperAsync(TestStore store, string id, string title, DateOnly day)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var context = store.Factory.CreateContext();
        context.Papers.Add(new PaperEntity
        {
            Id = id,
            Version = 1,
            Title = title,
            Abstract = "An abstract.",
            Authors = "Ada Lovelace",
            Categories = "cs.LG",
            CreatedAt = now,
            ModifiedAt = now,
        });
        context.Listings.Add(new ListingEntity { PaperId = id, Day = day, Source = ListingSource.Arxiv });
        await context.SaveChangesAsync();
    }

    /// <summary>Asks until the answer satisfies <paramref name="done"/>; returns it and how long that took.</summary>
    private static async Task<(string Body, TimeSpan Elapsed)> PollAsync(RunningApp app, string url, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var body = await app.Client.GetStringAsync(url);
            if (done(body))
            {
                return (body, clock.Elapsed);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{url} never changed");
            await Task.Delay(50);
        }
    }
}
