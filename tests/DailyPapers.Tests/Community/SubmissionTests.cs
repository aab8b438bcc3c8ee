using System.Net;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Harvesting;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Community;

/// <summary>Submitting a paper to today's list: from the store or arXiv, with the age, duplicate and daily rules.</summary>
public sealed class SubmissionTests
{
    private static readonly DateTimeOffset Recent = DateTimeOffset.UtcNow.AddDays(-2);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_stored_paper_is_listed_today_as_curated_once(StoreProvider provider)
    {
        await using var site = await CommunitySite.StartAsync(provider, null, SamplePapers.Item("2511.00001", "Fresh Results", submittedAt: Recent));
        var ada = await site.AddReaderAsync("ada@example.org");
        var alan = await site.AddReaderAsync("alan@example.org");

        using var submitted = await site.SendAsync(
            HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "https://arxiv.org/abs/2511.00001v1", comment = "Read section 3" });
        using var again = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", alan.Token, new { id = "2511.00001" });
        var page = await site.App.Client.GetStringAsync("/papers/2511.00001");
        var today = await site.App.Client.GetStringAsync($"/papers/date/{Today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        using (var json = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()))
        {
            Assert.Equal("2511.00001", json.RootElement.GetProperty("id").GetString());
            Assert.Equal(Today.ToString("yyyy-MM-dd"), json.RootElement.GetProperty("day").GetString());
        }

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already listed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Submitted by <a href=\"/users/ada\">ada</a>", page, StringComparison.Ordinal);
        Assert.Contains("Read section 3", page, StringComparison.Ordinal);
        Assert.Contains("Fresh Results", today, StringComparison.Ordinal);
        await using var context = site.Store.Factory.CreateContext();
        var listing = await context.Listings.SingleAsync();
        Assert.Equal((ListingSource.Curated, Today, "ada"), (listing.Source, listing.Day, listing.SubmittedBy));
        Assert.Equal(1, await context.Submissions.CountAsync());
    }

    [Fact]
    public async Task A_listed_paper_comes_back_once_for_a_new_version_and_old_papers_are_refused()
    {
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite,
            null,
            SamplePapers.Item("2510.00001", "Listed Before", listedOn: Today.AddDays(-30), source: ListingSource.Hf, submittedAt: DateTimeOffset.UtcNow.AddDays(-31)),
            SamplePapers.Item("2510.00002", "Revised", version: 2, listedOn: Today.AddDays(-30), source: ListingSource.Hf, submittedAt: Recent),
            SamplePapers.Item("2506.00003", "Too Old"));
        var ada = await site.AddReaderAsync("ada@example.org");

        using var sameVersion = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2510.00001" });
        using var newVersion = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2510.00002" });
        using var newVersionAgain = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2510.00002" });
        using var old = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2506.00003" });
        using var nonsense = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "<script>" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameVersion.StatusCode); // v1 from 31 days ago: too old before duplicate
        Assert.Equal(HttpStatusCode.Created, newVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, newVersionAgain.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        using (var json = JsonDocument.Parse(await old.Content.ReadAsStringAsync()))
        {
            Assert.Contains("last 14 days", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal("2506.00003", json.RootElement.GetProperty("id").GetString()); // the id it understood, refused or not
        }

        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(["2510.00002"], await context.Listings.Where(l => l.Source == ListingSource.Curated).Select(l => l.PaperId).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_new_version_out_later_on_the_day_the_old_one_was_listed_can_still_be_featured(StoreProvider provider)
    {
        var v1 = SamplePapers.Item("2511.00007", "First Draft", submittedAt: Recent);
        await using var site = await CommunitySite.StartAsync(provider, null, v1);
        var ada = await site.AddReaderAsync("ada@example.org");
        using var first = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2511.00007" });

        // v2 appears on arXiv after v1 was listed, the same day.
        var v2 = v1 with { Paper = v1.Paper with { Version = 2, Title = "Second Draft", UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(1) } };
        await new PaperWriter(site.Store.Factory, TimeProvider.System).WriteAsync([v2], CancellationToken.None);
        using var second = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2511.00007v2" });
        using var secondAgain = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2511.00007" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondAgain.StatusCode);
        Assert.Contains("v2 is already listed: a reader featured it", await secondAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal([1, 2], await context.Submissions.OrderBy(s => s.Version).Select(s => s.Version).ToListAsync());
    }

    [Fact]
    public async Task The_daily_limit_refuses_with_a_message()
    {
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite,
            new Dictionary<string, string?> { ["Submissions:PerUserPerDay"] = "1" },
            SamplePapers.Item("2511.00001", submittedAt: Recent),
            SamplePapers.Item("2511.00002", submittedAt: Recent));
        var ada = await site.AddReaderAsync("ada@example.org");

        using var first = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2511.00001" });
        using var second = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2511.00002" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("try again tomorrow", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_the_store_lacks_comes_from_the_arxiv_api()
    {
        await using var arxiv = await ArxivTestServer.StartAsync();
        arxiv.Enqueue(
            ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_1503.01162.atom.xml")),
            ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_unknown.atom.xml")));
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Harvest:ApiBaseUrl"] = new Uri(arxiv.BaseAddress, "api/query").ToString(),
            ["Harvest:MinRequestInterval"] = "00:00:00.010",
            ["Submissions:MaxAgeDays"] = "100000",
        });
        var ada = await site.AddReaderAsync("ada@example.org");

        using var found = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "1503.01162" });
        using var unknown = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2511.99999" });
        var page = await site.App.Client.GetStringAsync("/papers/1503.01162");

        Assert.Equal(HttpStatusCode.Created, found.StatusCode);
        Assert.Contains("Report on a Boston University Conference", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("arXiv has no paper 2511.99999", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, arxiv.Requests.Count);
    }

    [Fact]
    public async Task The_submit_page_needs_a_signed_in_reader_and_an_antiforgery_token()
    {
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, null, SamplePapers.Item("2511.00001", submittedAt: Recent));
        var ada = await site.AddReaderAsync("ada@example.org");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };
        using var browser = await site.SignedInBrowserAsync(ada);

        using var signInFirst = await anonymous.GetAsync("/papers/submit");
        using var forged = await browser.PostAsync("/papers/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Paper"] = "2511.00001" }));
        using var refused = await CommunitySite.PostFormAsync(browser, "/papers/submit", "/papers/submit", new() { ["Paper"] = "2511.0000x", ["Comment"] = "typo" });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        using var submitted = await CommunitySite.PostFormAsync(browser, "/papers/submit", "/papers/submit", new() { ["Paper"] = "2511.00001" });

        Assert.Equal(HttpStatusCode.Redirect, signInFirst.StatusCode);
        Assert.Contains("/account/signin", signInFirst.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is not", refusedPage, StringComparison.Ordinal);
        Assert.Contains(">typo</textarea>", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.StartsWith("/papers/2511.00001", submitted.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
