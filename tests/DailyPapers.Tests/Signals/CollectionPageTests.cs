using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Signals;

/// <summary>
/// Collections as a reader keeps them (make, note, reorder, export, publish) and as others see them: a private one is
/// "not found" to everyone else, on its page, its public address, its export and its feed.
/// </summary>
public sealed class CollectionPageTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Fact]
    public async Task A_reader_makes_notes_orders_and_exports_a_collection()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);

        using var made = await CommunitySite.PostFormAsync(browser, "/collections", "/collections",
            new() { ["Name"] = "<b>Reading</b> & list", ["IsSignal"] = "false" });
        var slug = made.Headers.Location!.OriginalString["/collections/".Length..];
        var collections = site.App.Services.GetRequiredService<ReaderCollections>();
        foreach (var paper in new[] { "2506.00001", "2506.00002" })
        {
            Assert.True((await collections.SaveAsync(ada.Id, slug, ArxivId.Parse(paper), default)).Result.Succeeded);
        }

        var page = $"/collections/{slug}";
        using var noted = await CommunitySite.PostFormAsync(browser, page, page + "?handler=Note",
            new() { ["id"] = "2506.00001", ["note"] = "See **section 3** <script>alert(1)</script>" });
        using var moved = await CommunitySite.PostFormAsync(browser, page, page + "?handler=Move", new() { ["id"] = "2506.00001", ["index"] = "0" });
        using var tooLong = await CommunitySite.PostFormAsync(browser, page, page + "?handler=Note", new() { ["id"] = "2506.00002", ["note"] = new string('n', 2_001) });
        var html = new HtmlParser().ParseDocument(await browser.GetStringAsync(page));
        var bib = await browser.GetStringAsync(page + "?format=bib");

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal("b-reading-b-list", slug);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (noted.StatusCode, moved.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("2,000", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("<b>Reading</b> & list", html.QuerySelector("h1")!.TextContent);
        Assert.Equal(["2506.00001", "2506.00002"], html.QuerySelectorAll("li.saved-paper").Select(li => li.GetAttribute("data-paper")));
        var note = html.QuerySelector("li.saved-paper .note")!;
        Assert.Equal("section 3", note.QuerySelector("strong")?.TextContent);
        Assert.Empty(note.QuerySelectorAll("script"));
        Assert.Equal(2, bib.Split("@misc{").Length - 1);
        Assert.Contains("eprint={2506.00001}", bib, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_reader_sees_a_private_collection_nowhere_and_a_public_one_read_only()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var bob = await site.AddReaderAsync("bob@example.org");
        using var bobBrowser = await site.SignedInBrowserAsync(bob);
        var collections = site.App.Services.GetRequiredService<ReaderCollections>();
        var (created, _) = await collections.CreateAsync(ada.Id, "Secret plans", isPublic: false, isSignal: true, default);
        await collections.SaveAsync(ada.Id, created!.Slug, ArxivId.Parse("2506.00003"), default);
        var publicPage = $"/users/{ada.Handle}/collections/{created.Slug}";
        var feed = $"/feeds/users/{ada.Handle}/collections/{created.Slug}.atom";

        foreach (var url in new[] { $"/collections/{created.Slug}", publicPage, publicPage + "?format=csv", feed })
        {
            using var asBob = await bobBrowser.GetAsync(url);
            using var anonymous = await site.App.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, asBob.StatusCode);
            // Anonymous: not found, or (the owner's own page) the sign-in form.
            Assert.True(anonymous.StatusCode == HttpStatusCode.NotFound || anonymous.RequestMessage!.RequestUri!.AbsolutePath == "/account/signin", url);
            foreach (var answer in new[] { asBob, anonymous })
            {
                var text = await answer.Content.ReadAsStringAsync();
                Assert.DoesNotContain("2506.00003", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Paper 3", text, StringComparison.Ordinal);
            }
        }

        using var bobWrites = await CommunitySite.PostFormAsync(bobBrowser, "/collections", $"/collections/{created.Slug}?handler=Remove", new() { ["id"] = "2506.00003" });
        Assert.Equal(HttpStatusCode.NotFound, bobWrites.StatusCode);
        Assert.Single((await collections.ReadAsync(ada.Id, created.Slug, default))!.Papers);

        await collections.UpdateAsync(ada.Id, created.Slug, null, isPublic: true, isSignal: null, default);
        var shown = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync(publicPage));
        using var atom = XmlReader.Create(await site.App.Client.GetStreamAsync(feed));
        var items = SyndicationFeed.Load(atom).Items.ToList();

        Assert.Equal("Secret plans", shown.QuerySelector("h1")!.TextContent);
        Assert.Empty(shown.QuerySelectorAll("main form"));
        Assert.Equal("Paper 3", Assert.Single(items).Title.Text);

        await collections.UpdateAsync(ada.Id, created.Slug, null, isPublic: false, isSignal: null, default);
        using var gone = await site.App.Client.GetAsync(feed);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static Task<CommunitySite> StartAsync()
    {
        var papers = Enumerable.Range(1, 3).Select(i => SamplePapers.Item($"2506.0000{i}", $"Paper {i}", listedOn: Day));
        return CommunitySite.StartAsync(StoreProvider.Sqlite, null, [.. papers]);
    }
}
