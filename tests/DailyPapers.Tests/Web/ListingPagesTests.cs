using System.Net;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>The pages and JSON API of the real app on SQLite, with a few hand-made papers.</summary>
public sealed class ListingPagesTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2025, 6, 10);
    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await new PaperWriter(_store.Factory, TimeProvider.System).WriteAsync(
        [
            SamplePapers.Item("2506.00001", "Quiet paper", listedOn: Day, source: ListingSource.Hf, upvotes: 2),
            SamplePapers.Item("2506.00002", "Popular paper", listedOn: Day, source: ListingSource.Hf, upvotes: 50),
            SamplePapers.Item("2506.00003", "Next day paper", listedOn: Day.AddDays(1), source: ListingSource.Arxiv),
            SamplePapers.Item("hep-th/9901001", "Old style paper", listedOn: Day.AddDays(-7)),
        ], CancellationToken.None);
        _app = await RunningApp.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task The_day_page_ranks_papers_by_votes_and_links_the_neighbouring_days()
    {
        var html = await _app.Client.GetStringAsync("/papers/date/2025-06-10");

        Assert.True(html.IndexOf("Popular paper", StringComparison.Ordinal) < html.IndexOf("Quiet paper", StringComparison.Ordinal));
        Assert.Contains("2 papers", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/papers/date/2025-06-11\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/papers/date/2025-06-03\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_latest_day_with_listings()
    {
        var html = await _app.Client.GetStringAsync("/");

        Assert.Contains("Next day paper", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Popular paper", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_week_and_month_pages_gather_every_day_of_the_period()
    {
        var week = await _app.Client.GetStringAsync("/papers/week/2025-W24");
        var month = await _app.Client.GetStringAsync("/papers/month/2025-06");

        Assert.Contains("3 papers", week, StringComparison.Ordinal);
        Assert.Contains("4 papers", month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paper_page_shows_the_abstract_and_links_and_old_style_ids_work()
    {
        var html = await _app.Client.GetStringAsync("/papers/hep-th/9901001");

        Assert.Contains("Old style paper", html, StringComparison.Ordinal);
        Assert.Contains("https://arxiv.org/pdf/hep-th/9901001", html, StringComparison.Ordinal);
        Assert.Contains("class=\"abstract math\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_versioned_id_redirects_to_the_paper_page()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _app.BaseAddress };

        var response = await client.GetAsync("/papers/2506.00002v3");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/papers/2506.00002", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/papers/date/2025-13-45", 400)]
    [InlineData("/papers/date/yesterday", 400)]
    [InlineData("/papers/date/2025-06-1", 400)]
    [InlineData("/papers/week/2025-W99", 400)]
    [InlineData("/papers/week/2025-W00", 400)]
    [InlineData("/papers/month/2025-00", 400)]
    [InlineData("/papers/month/2025-6", 400)]
    [InlineData("/papers/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400)]
    [InlineData("/papers/9999.99999", 404)]
    [InlineData("/papers/2501.99999", 404)]
    [InlineData("/papers/date/2025-06-14", 404)]
    [InlineData("/papers/date/2025-06-10?page=0", 400)]
    [InlineData("/papers/date/2025-06-10?page=99", 404)]
    [InlineData("/papers/date/2025-06-10?source=nope", 400)]
    [InlineData("/papers/date/2025-06-10?source=1", 400)]
    [InlineData("/no/such/page", 404)]
    public async Task Bad_addresses_get_a_clear_error_page_and_never_a_500(string url, int expected)
    {
        var response = await _app.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains("class=\"error-page\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_day_links_to_the_nearest_days_with_papers()
    {
        var response = await _app.Client.GetAsync("/papers/date/2025-06-08");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/papers/date/2025-06-03", body, StringComparison.Ordinal);
        Assert.Contains("/papers/date/2025-06-10", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_sends_the_security_headers()
    {
        var response = await _app.Client.GetAsync("/");

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_daily_papers_api_returns_the_day_in_hugging_face_shape_ranked_by_votes()
    {
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/daily_papers?date=2025-06-10"));

        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["2506.00002", "2506.00001"], items.Select(i => i.GetProperty("paper").GetProperty("id").GetString()));
        Assert.Equal(50, items[0].GetProperty("paper").GetProperty("upvotes").GetInt32());
        Assert.Equal("Popular paper", items[0].GetProperty("title").GetString());
        Assert.Equal("Ada Lovelace", items[0].GetProperty("paper").GetProperty("authors")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/daily_papers?date=2025-02-30")]
    [InlineData("/api/daily_papers?week=2025-W60")]
    [InlineData("/api/daily_papers?month=June")]
    [InlineData("/api/daily_papers?limit=0")]
    [InlineData("/api/daily_papers?limit=1000")]
    [InlineData("/api/daily_papers?p=-1")]
    [InlineData("/api/daily_papers?date=2025-06-10&month=2025-06")]
    [InlineData("/api/papers/not-an-id")]
    public async Task The_api_answers_bad_parameters_with_400_and_a_message(string url)
    {
        var response = await _app.Client.GetAsync(url);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task The_paper_api_returns_one_paper_or_404()
    {
        using var found = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/papers/2506.00002"));
        var missing = await _app.Client.GetAsync("/api/papers/2506.09999");

        Assert.Equal("Popular paper", found.RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
