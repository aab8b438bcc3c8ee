using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Playwright;

namespace DailyPapers.Tests.Browser;

/// <summary>A reader in Chromium: opens a Hugging Face day, follows a paper, and sees its math typeset by KaTeX.</summary>
public sealed class DailyPageBrowserTests
{
    [Fact]
    public async Task A_reader_opens_an_imported_day_follows_a_paper_and_sees_rendered_math()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = TestData.Path("hf-daily-papers", "2024-12-03.json");
        await using (var stream = File.OpenRead(file))
        {
            var runner = new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System));
            await runner.RunAsync(HfDailyReader.Read(stream, Path.GetFileName(file), CancellationToken.None), () => default, null, CancellationToken.None);
        }

        await using var app = await RunningApp.StartAsync(store);
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

        await page.GotoAsync(new Uri(app.BaseAddress, "/papers/date/2024-12-03").ToString());
        Assert.Contains("December 3, 2024", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.ClickAsync("a[href='/papers/2411.19477']");
        await page.WaitForURLAsync("**/papers/2411.19477");
        var math = page.Locator(".abstract .katex");
        await math.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Browser.ArtifactsDirectory, "paper-with-math.png"), FullPage = true });
        Assert.True(await math.CountAsync() >= 1);
        Assert.Empty(consoleErrors);
    }
}
