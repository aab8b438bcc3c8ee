using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Playwright;

namespace DailyPapers.Tests.Browser;

/// <summary>A reader in Chromium signs up from the header, sees trending as a signed-in reader, and signs out.</summary>
public sealed class AccountBrowserTests
{
    [Fact]
    public async Task A_reader_signs_up_sees_trending_and_signs_out()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var input = ImportInput.Open(SourceKind.HfDaily, TestData.Path("hf-daily-papers", "2025-06-10.json"));
        await new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System))
            .RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None);
        await using var app = await RunningApp.StartAsync(store);
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync(new Uri(app.BaseAddress, "/papers/trending").ToString());
        Assert.Contains("#1 trending this week", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync(".account-nav a[href='/account/signup']");
        await page.FillAsync("#Email", "ada@example.org");
        await page.FillAsync("#Password", "correct horse battery");
        await page.ClickAsync("section.account-form button[type=submit]");
        await page.WaitForURLAsync(new Uri(app.BaseAddress, "/").ToString());
        Assert.Equal("ada@example.org", await page.InnerTextAsync(".account-nav .account-name"));

        await page.GotoAsync(new Uri(app.BaseAddress, "/papers/trending").ToString());
        Assert.Equal("ada@example.org", await page.InnerTextAsync(".account-nav .account-name"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Browser.ArtifactsDirectory, "trending-signed-in.png"), FullPage = false });

        await page.ClickAsync(".account-nav button");
        await page.WaitForSelectorAsync(".account-nav a[href='/account/signin']");
        Assert.Equal(0, await page.Locator(".account-nav .account-name").CountAsync());
        Assert.Empty(consoleErrors);
    }
}
