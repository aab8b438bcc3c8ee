using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.Playwright;

namespace DailyPapers.Tests.Browser;

/// <summary>
/// "For you" in Chromium, as a new reader meets it: sign up, set up the feed (a category and three papers ticked in a
/// search), see the list with a reason on each card, mark one "not interested" (the list changes without a reload),
/// save one to a new collection, and export that collection as BibTeX.
/// </summary>
public sealed class ForYouBrowserTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    private static readonly string[] Titles =
    [
        "Latent diffusion models for high-resolution image synthesis",
        "Denoising diffusion probabilistic models generate photorealistic images",
        "Text-to-image diffusion with classifier-free guidance",
        "Video diffusion models for coherent frame generation",
        "Fast sampling of image diffusion models by distillation",
        "Byte-pair encoding tokenization for machine translation",
        "Dependency parsing of morphologically rich languages",
        "Named entity recognition in clinical notes",
    ];

    [Fact]
    public async Task A_new_reader_sets_up_their_feed_reads_it_with_reasons_dismisses_one_and_exports_a_collection()
    {
        var papers = Titles.Select((title, i) => SamplePapers.Item($"2506.{i + 1:00000}", title, categories: i < 5 ? "cs.CV" : "cs.CL", listedOn: Day)).ToArray();
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, null, papers);
        await site.App.SearchReadyAsync(withVectors: true);
        await using var browser = await Support.Browser.LaunchAsync();
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(Url(site, "/account/signup"));
        await page.FillAsync("#Email", "ada@example.org");
        await page.FillAsync("#Password", CommunitySite.Password);
        await page.ClickAsync("section.account-form button[type=submit]");
        await page.WaitForURLAsync(Url(site, "/"));

        // A new reader's "For you" starts with setting up the feed.
        await page.ClickAsync(".site-nav a[href='/for-you']");
        await page.WaitForURLAsync(Url(site, "/for-you/setup"));
        await page.FillAsync("#setup-q", "diffusion image");
        await page.ClickAsync(".setup-search button");
        await page.WaitForSelectorAsync("input[name=pick]");
        foreach (var id in new[] { "2506.00001", "2506.00002", "2506.00003" })
        {
            await page.CheckAsync($"input[name=pick][value='{id}']");
        }

        await page.CheckAsync("input[name=category][value='cs.CV']", new PageCheckOptions { Force = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("for-you-setup.png"), FullPage = true });
        await page.ClickAsync(".setup-form button[type=submit]");
        await page.WaitForURLAsync(Url(site, "/for-you"));

        // The list: the other vision papers first, each card with its reason.
        var cards = page.Locator("[data-refresh-list] li.paper-card");
        await cards.First.WaitForAsync();
        Assert.Equal(5, await cards.CountAsync());
        var first = await cards.First.GetAttributeAsync("data-paper");
        Assert.True(first is "2506.00004" or "2506.00005", first);
        Assert.All(await page.Locator("[data-refresh-list] .reason").AllInnerTextsAsync(), reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("for-you-list.png"), FullPage = true });

        // "Not interested" takes it off the list in place, without a navigation.
        await page.EvaluateAsync("() => { window.stillThisDocument = true; }");
        await cards.First.Locator("button[value=dismiss]").ClickAsync();
        await page.WaitForFunctionAsync($"() => !document.querySelector(\"[data-refresh-list] li[data-paper='{first}']\")");
        Assert.Equal(4, await cards.CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisDocument === true"));

        // Save the new first card to a new collection, then export that collection.
        var saved = await cards.First.GetAttributeAsync("data-paper");
        await cards.First.Locator(".save-to summary").ClickAsync();
        await cards.First.Locator(".save-to input[name=newCollection]").FillAsync("Generative vision");
        await cards.First.Locator(".save-to button").ClickAsync();
        await page.WaitForSelectorAsync(".save-status");
        Assert.Equal("Saved to generative-vision", await page.InnerTextAsync(".save-status"));

        await page.GotoAsync(Url(site, "/collections/generative-vision"));
        Assert.Equal("Generative vision", await page.InnerTextAsync("h1"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".export-links a:text('BibTeX')"));
        var bib = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"eprint={{{saved}}}", bib, StringComparison.Ordinal);
        Assert.Equal(1, bib.Split("@misc{").Length - 1);
        Assert.Empty(problems);
    }

    private static string Url(CommunitySite site, string path) => new Uri(site.App.BaseAddress, path).ToString();

    private static string Artifact(string name) => Path.Combine(Support.Browser.ArtifactsDirectory, name);
}
