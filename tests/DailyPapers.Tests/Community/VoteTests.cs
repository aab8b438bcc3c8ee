using System.Net;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Community;

/// <summary>Upvotes through the API and the page: one per reader, exact under concurrency, ranked with imported votes.</summary>
public sealed class VoteTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Concurrent_votes_and_take_backs_leave_the_count_exact(StoreProvider provider)
    {
        await using var site = await CommunitySite.StartAsync(provider, null, SamplePapers.Item("2506.00001", listedOn: Day, source: ListingSource.Hf, upvotes: 7));
        var readers = await Task.WhenAll(Enumerable.Range(1, 30).Select(i => site.AddReaderAsync($"r{i}@example.org")));

        // Everyone votes at once, each twice (a double click); then ten take it back at once, twice too.
        await Task.WhenAll(readers.Concat(readers).Select(r => Expect(site, HttpMethod.Post, r, HttpStatusCode.OK)));
        await Task.WhenAll(readers.Take(10).Concat(readers.Take(10)).Select(r => Expect(site, HttpMethod.Delete, r, HttpStatusCode.OK)));

        Assert.Equal(7 + 20, await site.UpvotesAsync("2506.00001"));
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(20, await context.Votes.CountAsync());
        Assert.Equal(20, (await context.Papers.SingleAsync()).LocalVotes);
    }

    [Fact]
    public async Task Local_votes_rank_the_daily_list_with_the_imported_ones()
    {
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite,
            null,
            SamplePapers.Item("2506.00001", "First", listedOn: Day, source: ListingSource.Hf, upvotes: 2),
            SamplePapers.Item("2506.00002", "Second", listedOn: Day, source: ListingSource.Hf, upvotes: 1));
        var readers = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => site.AddReaderAsync($"r{i}@example.org")));
        Assert.Equal(["2506.00001", "2506.00002"], await DailyOrderAsync(site));

        foreach (var reader in readers.Take(2))
        {
            using var voted = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00002/upvote", reader.Token);
            using var json = JsonDocument.Parse(await voted.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("voted").GetBoolean());
        }

        Assert.Equal(["2506.00002", "2506.00001"], await DailyOrderAsync(site));
        Assert.Equal(3, await site.UpvotesAsync("2506.00002"));
    }

    [Fact]
    public async Task Votes_need_a_token_and_a_visible_paper_and_say_why_not()
    {
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, null, SamplePapers.Item("2506.00001", listedOn: Day));
        var reader = await site.AddReaderAsync("ada@example.org");
        var moderator = await site.AddReaderAsync("mod@example.org", admin: true);

        using var anonymous = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/upvote", null);
        using var badToken = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/upvote", "dp_" + new string('0', 64));
        using var unknown = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.09999/upvote", reader.Token);
        using var malformed = await site.SendAsync(HttpMethod.Post, "/api/papers/not-an-id/upvote", reader.Token);
        using var browser = await site.SignedInBrowserAsync(moderator);
        using var hide = await CommunitySite.PostFormAsync(browser, "/papers/2506.00001", "/papers/2506.00001?handler=ModeratePaper", new() { ["hidden"] = "true" });
        using var hidden = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/upvote", reader.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not-an-id", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(0, await context.Votes.CountAsync());
    }

    [Fact]
    public async Task The_page_button_votes_with_a_form_or_script_and_refuses_a_forged_post()
    {
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, null, SamplePapers.Item("2506.00001", listedOn: Day));
        var reader = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(reader);

        // No antiforgery token: what a cross-site form would send with the reader's cookie.
        using var forged = await browser.PostAsync("/papers/2506.00001?handler=Vote", new FormUrlEncodedContent(new Dictionary<string, string> { ["voted"] = "true" }));
        using var form = await CommunitySite.PostFormAsync(browser, "/papers/2506.00001", "/papers/2506.00001?handler=Vote", new() { ["voted"] = "true", ["returnUrl"] = "/papers/date/2025-06-10" });
        var page = await browser.GetStringAsync("/papers/date/2025-06-10");
        browser.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        using var script = await CommunitySite.PostFormAsync(browser, "/papers/2506.00001", "/papers/2506.00001?handler=Vote", new() { ["voted"] = "false" });
        using var state = JsonDocument.Parse(await script.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal("/papers/date/2025-06-10", form.Headers.Location?.OriginalString);
        Assert.Contains("aria-pressed=\"true\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.False(state.RootElement.GetProperty("voted").GetBoolean());
        Assert.Equal(0, state.RootElement.GetProperty("upvotes").GetInt32());
    }

    [Fact]
    public async Task Too_many_votes_get_429_with_retry_after()
    {
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite, new Dictionary<string, string?> { ["Web:VotesPerMinute"] = "3" }, SamplePapers.Item("2506.00001", listedOn: Day));
        var reader = await site.AddReaderAsync("ada@example.org");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await site.SendAsync(i % 2 == 0 ? HttpMethod.Post : HttpMethod.Delete, "/api/papers/2506.00001/upvote", reader.Token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("/papers/2506.00001?handler=Vote")]
    [InlineData("/papers/2506.00001?handler=Vote&handler=x")]
    [InlineData("/papers/2506.00001?handler=vote")]
    public async Task The_page_form_counts_against_the_same_limit_however_the_handler_is_spelled(string url)
    {
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite, new Dictionary<string, string?> { ["Web:VotesPerMinute"] = "2" }, SamplePapers.Item("2506.00001", listedOn: Day));
        var reader = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(reader);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await CommunitySite.PostFormAsync(browser, "/papers/2506.00001", url, new() { ["voted"] = i % 2 == 0 ? "true" : "false" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task Expect(CommunitySite site, HttpMethod method, Reader reader, HttpStatusCode expected)
    {
        using var response = await site.SendAsync(method, "/api/papers/2506.00001/upvote", reader.Token);
        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<string[]> DailyOrderAsync(CommunitySite site)
    {
        using var json = JsonDocument.Parse(await site.App.Client.GetStringAsync("/api/daily_papers?date=2025-06-10"));
        return [.. json.RootElement.EnumerateArray().Select(item => item.GetProperty("paper").GetProperty("id").GetString()!)];
    }
}
