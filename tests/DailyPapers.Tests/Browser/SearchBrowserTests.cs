using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Playwright;

namespace DailyPapers.Tests.Browser;

/// <summary>
/// A reader in Chromium searches from the header box, narrows the results to papers with code, opens one and finds
/// similar papers on it; search ranks by words and meaning (the real embedding model), as the site runs it.
/// </summary>
public sealed class SearchBrowserTests
{
    [Fact]
    public async Task A_reader_searches_filters_opens_a_result_and_sees_similar_papers()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = TestData.Path("hf-daily-papers", "2025-06-10.json");
        await using (var stream = File.OpenRead(file))
        {
            var runner = new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System));
            await runner.RunAsync(HfDailyReader.Read(stream, Path.GetFileName(file), CancellationToken.None), () => default, null, CancellationToken.None);
        }

        await using var app = await RunningApp.StartAsync(store);
        await app.SearchReadyAsync(withVectors: true);
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        // Generous timeouts: CI machines are small and shared; the assertions, not the clock, decide the test.
        page.SetDefaultTimeout(60_000);
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.FillAsync("#site-search", "language model reasoning");
        await page.PressAsync("#site-search", "Enter");
        await page.WaitForURLAsync("**/search?q=language+model+reasoning");
        var cards = page.Locator("ol.search-results li.paper-card");
        var allCount = await cards.CountAsync();
        Assert.True(allCount > 1, $"{allCount} results");
        Assert.Equal("language model reasoning", await page.InputValueAsync("#search-q"));

        await page.CheckAsync("input[name=code]");
        await page.ClickAsync("button.apply");
        await page.WaitForURLAsync("**/search?*code=on*");
        var withCode = await cards.CountAsync();
        Assert.InRange(withCode, 1, allCount - 1);
        for (var i = 0; i < withCode; i++)
        {
            Assert.Equal(1, await cards.Nth(i).Locator(".paper-links a", new LocatorLocatorOptions { HasTextString = "Code" }).CountAsync());
        }

        Assert.True(await page.IsCheckedAsync("input[name=code]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Browser.ArtifactsDirectory, "search-results.png"), FullPage = true });

        var first = cards.First.Locator("h2.paper-title a");
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await page.WaitForURLAsync($"**{href}");
        var similar = page.Locator("section.similar ol.similar-list a");
        await similar.First.WaitForAsync();
        var similarHrefs = await similar.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Browser.ArtifactsDirectory, "paper-with-similar.png"), FullPage = true });
        Assert.Equal("Similar papers", await page.TextContentAsync("#similar-heading"));
        Assert.InRange(similarHrefs.Length, 1, 8);
        Assert.DoesNotContain(href, similarHrefs);
        Assert.All(similarHrefs, h => Assert.StartsWith("/papers/", h, StringComparison.Ordinal));
        Assert.Empty(consoleErrors);
    }
}
