using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.ForYou;

/// <summary>
/// /for-you end to end on real vectors (MiniLM): a reader who picked three papers on one topic gets that topic first,
/// each card saying why; "not interested" takes a paper off; the same list comes from the API and the secret feed,
/// and no other reader's token, cookie or feed address reaches it.
/// </summary>
public sealed class ForYouPageTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    private static readonly string[] Vision =
    [
        "Latent diffusion models for high-resolution image synthesis",
        "Denoising diffusion probabilistic models generate photorealistic images",
        "Text-to-image generation with cascaded diffusion and classifier-free guidance",
        "Video diffusion models for temporally coherent frame generation",
        "Fast sampling of image diffusion models with consistency distillation",
        "Controllable image editing with diffusion model attention maps",
    ];

    private static readonly string[] Language =
    [
        "Byte-pair encoding tokenization for multilingual machine translation",
        "Dependency parsing of morphologically rich languages with graph networks",
        "Named entity recognition in clinical notes with weak supervision",
        "Cross-lingual transfer for low-resource part-of-speech tagging",
        "Evaluating summarization of legal documents with human judgements",
        "Question answering over tables with semantic parsing",
    ];

    [Fact]
    public async Task A_reader_who_picked_one_topic_gets_it_first_with_reasons_on_the_page_the_api_and_the_feed()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var bob = await site.AddReaderAsync("bob@example.org");
        var signals = site.App.Services.GetRequiredService<ReaderSignals>();
        foreach (var picked in new[] { "2506.00001", "2506.00002", "2506.00003" })
        {
            Assert.True((await signals.SetPickedAsync(ada.Id, ArxivId.Parse(picked), true, default)).Succeeded);
        }

        using var browser = await site.SignedInBrowserAsync(ada);
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/for-you"));
        var cards = page.QuerySelectorAll("[data-refresh-list] li.paper-card").ToList();
        var ids = cards.Select(c => c.GetAttribute("data-paper")!).ToList();

        // The three other vision papers first; the picked ones are not shown again.
        Assert.Equal(["2506.00004", "2506.00005", "2506.00006"], ids.Take(3).Order());
        Assert.DoesNotContain("2506.00001", ids);
        Assert.Equal(9, ids.Count);
        Assert.StartsWith("Close to “", cards[0].QuerySelector(".reason")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("which you picked", cards[0].QuerySelector(".reason")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cards[0].QuerySelector("button[value=pick]"));

        // Not interested: gone from the list at once.
        using (await CommunitySite.PostFormAsync(browser, "/for-you", "/for-you/signals?handler=Paper", new() { ["id"] = ids[0], ["change"] = "dismiss" }))
        {
        }

        var after = new HtmlParser().ParseDocument(await browser.GetStringAsync("/for-you"));
        Assert.DoesNotContain(ids[0], after.QuerySelectorAll("li.paper-card").Select(c => c.GetAttribute("data-paper")));

        // The API: the same list for Ada's token; Bob's token gets Bob's (cold) list, with nothing of Ada's.
        using var api = await site.SendAsync(HttpMethod.Get, "/api/for-you?limit=5", ada.Token);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var apiIds = json.RootElement.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("item").GetProperty("paper").GetProperty("id").GetString()).ToList();
        Assert.Equal(after.QuerySelectorAll("li.paper-card").Take(5).Select(c => c.GetAttribute("data-paper")), apiIds);
        using var bobApi = await site.SendAsync(HttpMethod.Get, "/api/for-you", bob.Token);
        var bobText = await bobApi.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bobApi.StatusCode);
        Assert.DoesNotContain("which you picked", bobText, StringComparison.Ordinal);
        Assert.Contains("2506.00001", bobText, StringComparison.Ordinal);
        using var anonymousApi = await site.SendAsync(HttpMethod.Get, "/api/for-you", null);
        using var badLimit = await site.SendAsync(HttpMethod.Get, "/api/for-you?limit=0", ada.Token);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest), (anonymousApi.StatusCode, badLimit.StatusCode));

        // The secret feed: Ada's list; reset ends the old address.
        var feedPath = after.QuerySelector("link[rel=alternate][type='application/atom+xml'][href^='/feeds/for-you/']")!.GetAttribute("href")!;
        using (var reader = XmlReader.Create(await site.App.Client.GetStreamAsync(feedPath)))
        {
            var items = SyndicationFeed.Load(reader).Items.Select(i => i.Id).ToList();
            Assert.Contains(items, id => id.Contains(apiIds[0]!, StringComparison.Ordinal));
        }

        using var forged = await site.App.Client.GetAsync("/feeds/for-you/not-a-token.atom");
        using (await CommunitySite.PostFormAsync(browser, "/for-you", "/for-you?handler=ResetFeed", new()))
        {
        }

        using var old = await site.App.Client.GetAsync(feedPath);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (forged.StatusCode, old.StatusCode));
    }

    [Fact]
    public async Task Anonymous_readers_see_trending_and_an_invitation_and_a_new_reader_is_sent_to_set_up()
    {
        await using var site = await StartAsync(withVectors: false);
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);

        var anonymous = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync("/for-you"));
        using var cold = await browser.GetAsync("/for-you");
        using var settings = await CommunitySite.PostFormAsync(browser, "/for-you/setup", "/for-you?handler=Settings", new() { ["days"] = "7", ["weight"] = "50" });
        using var badSettings = await CommunitySite.PostFormAsync(browser, "/for-you/setup", "/for-you?handler=Settings", new() { ["days"] = "5", ["weight"] = "50" });
        var set = await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default);

        Assert.Contains("Sign up", anonymous.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(anonymous.QuerySelectorAll("li.paper-card"));
        Assert.Equal((HttpStatusCode.Redirect, "/for-you/setup"), (cold.StatusCode, cold.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSettings.StatusCode);
        Assert.Equal((7, 50), (set!.Days, set.PersonalWeight));
    }

    private static async Task<CommunitySite> StartAsync(bool withVectors = true)
    {
        var papers = Vision.Concat(Language).Select((title, i) =>
            SamplePapers.Item($"2506.{i + 1:00000}", title, categories: i < Vision.Length ? "cs.CV" : "cs.CL", listedOn: Day, upvotes: i % 3))
            .ToArray();
        var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, null, papers);
        await site.App.SearchReadyAsync(withVectors);
        return site;
    }
}
