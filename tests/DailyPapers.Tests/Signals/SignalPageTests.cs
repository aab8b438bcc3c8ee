using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Signals;

/// <summary>
/// The cards' Save / Not interested forms and the author pages with their Follow button, as a browser without script
/// and as the page script (JSON) use them: signed-in readers only, with the antiforgery token, nothing for others.
/// </summary>
public sealed class SignalPageTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Fact]
    public async Task A_signed_in_reader_saves_and_dismisses_from_the_day_page_and_sees_it_there()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);
        var dayPage = $"/papers/date/{Day:yyyy-MM-dd}";

        using var save = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper",
            new() { ["id"] = "2506.00001", ["change"] = "save", ["returnUrl"] = dayPage });
        using var dismiss = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper",
            new() { ["id"] = "2506.00002", ["change"] = "dismiss", ["returnUrl"] = dayPage });
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync(dayPage));

        Assert.Equal((HttpStatusCode.Redirect, dayPage), (save.StatusCode, save.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, dismiss.StatusCode);
        var saved = page.QuerySelector("li[data-paper='2506.00001'] .card-actions button[aria-pressed='true']");
        Assert.Equal("Saved", saved?.TextContent);
        Assert.Contains("dismissed", page.QuerySelector("li[data-paper='2506.00002']")!.ClassList);
        Assert.Equal("Undo not interested", page.QuerySelector("li[data-paper='2506.00002'] button[value='undismiss']")?.TextContent.Trim());
        // Anonymous readers get no forms at all.
        var anonymous = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync(dayPage));
        Assert.Empty(anonymous.QuerySelectorAll(".card-actions"));
    }

    [Fact]
    public async Task Save_to_a_new_collection_makes_it_once_and_a_name_too_long_is_refused()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);
        var dayPage = $"/papers/date/{Day:yyyy-MM-dd}";

        using var first = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper",
            new() { ["id"] = "2506.00001", ["change"] = "save", ["newCollection"] = "Reading list" });
        using var second = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper",
            new() { ["id"] = "2506.00002", ["change"] = "save", ["newCollection"] = "  reading LIST " });
        using var tooLong = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper",
            new() { ["id"] = "2506.00003", ["change"] = "save", ["newCollection"] = new string('x', 101) });
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync(dayPage));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.BadRequest), (first.StatusCode, second.StatusCode, tooLong.StatusCode));
        var collection = Assert.Single(await site.App.Services.GetRequiredService<ReaderCollections>().ListAsync(ada.Id, default));
        Assert.Equal(("Reading list", "reading-list", 2), (collection.Name, collection.Slug, collection.PaperCount));
        Assert.Equal("Reading list", page.QuerySelector(".save-to select option[value='reading-list']")?.TextContent);
    }

    [Fact]
    public async Task The_script_gets_JSON_answers_and_clear_refusals()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);
        browser.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var dayPage = $"/papers/date/{Day:yyyy-MM-dd}";

        using var saved = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper", new() { ["id"] = "2506.00001", ["change"] = "save" });
        using var unknown = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper", new() { ["id"] = "2506.09999", ["change"] = "save" });
        using var malformed = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper", new() { ["id"] = "<b>", ["change"] = "save" });
        using var badChange = await CommunitySite.PostFormAsync(browser, dayPage, "/for-you/signals?handler=Paper", new() { ["id"] = "2506.00001", ["change"] = "explode" });
        using var noToken = await browser.PostAsync("/for-you/signals?handler=Paper", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "2506.00001", ["change"] = "dismiss" }));

        using (var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("saved", json.RootElement.GetProperty("collection").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("2506.09999", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badChange.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(0, await context.Dismissals.CountAsync());
    }

    [Fact]
    public async Task Anonymous_posts_go_to_sign_in_and_change_nothing()
    {
        await using var site = await StartAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };

        using var post = await CommunitySite.PostFormAsync(anonymous, "/account/signin", "/for-you/signals?handler=Paper", new() { ["id"] = "2506.00001", ["change"] = "save" });

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/signin", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(0, await context.Collections.CountAsync());
    }

    [Fact]
    public async Task An_author_page_lists_their_papers_newest_first_and_follows_them()
    {
        await using var site = await StartAsync();
        await site.App.SearchReadyAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);

        var anonymousPage = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync("/authors/Grace%20Hopper"));
        using var follow = await CommunitySite.PostFormAsync(browser, "/authors/Grace%20Hopper", "/for-you/signals?handler=Follow",
            new() { ["kind"] = "author", ["name"] = "Grace Hopper", ["following"] = "true", ["returnUrl"] = "/authors/Grace%20Hopper" });
        var signedIn = new HtmlParser().ParseDocument(await browser.GetStringAsync("/authors/grace%20hopper"));
        using var nobody = await site.App.Client.GetAsync("/authors/Nobody%20Atall");
        using var tooLong = await site.App.Client.GetAsync("/authors/" + new string('a', 300));

        Assert.Equal(["2506.00004", "2506.00003", "2506.00002"], anonymousPage.QuerySelectorAll("li.paper-card").Select(li => li.GetAttribute("data-paper")));
        Assert.Empty(anonymousPage.QuerySelectorAll("form.follow-form"));
        Assert.NotNull(anonymousPage.QuerySelector("link[rel=alternate][href='/feeds/authors/Grace%20Hopper.atom']"));
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Equal("Following", signedIn.QuerySelector("form.follow-form button[aria-pressed='true']")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Contains("Nobody Atall", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var set = await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default);
        Assert.Equal("grace hopper", Assert.Single(set!.Follows).Key);
    }

    [Fact]
    public async Task The_paper_page_links_each_author_to_their_page()
    {
        await using var site = await StartAsync();
        var page = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync("/papers/2506.00001"));

        var links = page.QuerySelectorAll(".authors-full a");
        Assert.Equal(["/authors/Ada%20Lovelace"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("Ada Lovelace", page.QuerySelector(".authors-full")!.TextContent.Trim());
    }

    private static Task<CommunitySite> StartAsync()
    {
        var papers = Enumerable.Range(1, 4).Select(i =>
        {
            var item = SamplePapers.Item($"2506.0000{i}", $"Paper {i}", listedOn: Day, submittedAt: new DateTimeOffset(2025, 6, i, 0, 0, 0, TimeSpan.Zero));
            return item with { Paper = item.Paper with { Authors = [i == 1 ? "Ada Lovelace" : "Grace Hopper"] } };
        });
        return CommunitySite.StartAsync(StoreProvider.Sqlite, null, [.. papers]);
    }
}
