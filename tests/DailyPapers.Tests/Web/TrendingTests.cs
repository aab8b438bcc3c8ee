using System.Net;
using System.Text.Json;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>Trending on the real app over a real Hugging Face week (2025-06-09 to 13): page, badges and API.</summary>
public sealed class TrendingTests : IAsyncLifetime
{
    private static readonly TimeSpan WeekHalfLife = TimeSpan.FromDays(2);
    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var runner = new ImportRunner(new PaperWriter(_store.Factory, TimeProvider.System));
        foreach (var day in new[] { "2025-06-09", "2025-06-10", "2025-06-11", "2025-06-12", "2025-06-13" })
        {
            var input = ImportInput.Open(SourceKind.HfDaily, TestData.Path("hf-daily-papers", $"{day}.json"));
            await runner.RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None);
        }

        _app = await RunningApp.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task The_api_ranks_a_named_week_by_votes_decayed_from_when_each_paper_was_listed()
    {
        var items = await GetItemsAsync("/api/daily_papers?week=2025-W24&sort=trending&limit=100");
        var asOf = new DateTimeOffset(2025, 6, 16, 0, 0, 0, TimeSpan.Zero);
        var scores = items.Select(i => i.Upvotes * Math.Pow(0.5, (asOf - i.PublishedAt).TotalHours / WeekHalfLife.TotalHours)).ToList();

        Assert.True(items.Count > 20, $"{items.Count} voted papers in the week");
        Assert.All(items, i => Assert.True(i.Upvotes > 0));
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        // Decay changes the order: it is not simply the most voted first.
        Assert.NotEqual(items.Select(i => i.Upvotes).OrderByDescending(v => v), items.Select(i => i.Upvotes));
    }

    [Fact]
    public async Task The_trending_page_explains_its_formula_and_badges_its_top_paper_as_the_api_ranks_it()
    {
        var html = await _app.Client.GetStringAsync("/papers/trending?window=week");
        var top = (await GetItemsAsync("/api/daily_papers?sort=trending&window=week&limit=1")).Single();

        Assert.Contains("How trending is computed", html, StringComparison.Ordinal);
        Assert.Contains("2 days", html, StringComparison.Ordinal);
        Assert.Contains("#1 trending this week", html, StringComparison.Ordinal);
        var badge = html.IndexOf("#1 trending this week", StringComparison.Ordinal);
        Assert.Equal(badge, html.IndexOf("top-badge", StringComparison.Ordinal) + "top-badge\">".Length);
        Assert.Contains($"/papers/{top.Id}\"", html[badge..(badge + 600)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_page_badges_its_most_voted_paper()
    {
        var html = await _app.Client.GetStringAsync("/papers/date/2025-06-10");
        var top = (await GetItemsAsync("/api/daily_papers?date=2025-06-10&limit=1")).Single();
        var badge = html.IndexOf("#1 paper of the day", StringComparison.Ordinal);

        Assert.True(badge > 0);
        Assert.Contains($"/papers/{top.Id}\"", html[badge..(badge + 600)], StringComparison.Ordinal);
        Assert.DoesNotContain("#1 paper of the day", await _app.Client.GetStringAsync("/papers/date/2025-06-10?source=arxiv"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/papers/trending?window=year")]
    [InlineData("/papers/trending?page=0")]
    [InlineData("/api/daily_papers?sort=trending&window=decade")]
    [InlineData("/api/daily_papers?sort=hot")]
    public async Task Bad_windows_sorts_and_pages_are_400_with_a_message(string url)
    {
        var response = await _app.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("window must be|sort must be|page must be", body);
    }

    private async Task<List<Item>> GetItemsAsync(string url)
    {
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync(url));
        return [.. json.RootElement.EnumerateArray().Select(item => new Item(
            item.GetProperty("paper").GetProperty("id").GetString()!,
            item.GetProperty("paper").GetProperty("upvotes").GetInt32(),
            // When it was listed, as Hugging Face names it (their item-level publishedAt is another time).
            item.GetProperty("paper").GetProperty("submittedOnDailyAt").GetDateTimeOffset()))];
    }

    private sealed record Item(string Id, int Upvotes, DateTimeOffset PublishedAt);
}
