using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Playwright;

namespace DailyPapers.Tests.Browser;

/// <summary>
/// A developer in Chromium follows the footer's "API reference" link and sees the operations listed, under the
/// site's CSP (the page's one exception: a nonce for Scalar's inline start-up script, inline styles), with nothing
/// asked of any other host.
/// </summary>
public sealed class ApiReferenceBrowserTests
{
    [Fact]
    public async Task The_reference_page_lists_the_operations_with_no_CSP_error_and_no_request_elsewhere()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(store);
        await using var browser = await Support.Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        List<string> consoleErrors = [];
        List<string> elsewhere = [];
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } uri && uri.Authority != app.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.ClickAsync("footer a[href='/api/docs/']");
        await page.WaitForURLAsync("**/api/docs/");
        var operation = page.GetByText("The papers of a day, week, month or range").First;
        await operation.WaitForAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Browser.ArtifactsDirectory, "api-reference.png") });
        Assert.Equal("DailyPapers API reference", await page.TitleAsync());
        Assert.True(await page.GetByText("Search papers").CountAsync() >= 1);

        // The interactive part: a request sent from the page reaches the API (connect-src 'self').
        await operation.ClickAsync();
        var answered = page.WaitForResponseAsync(r => r.Url.Contains("/api/daily_papers", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Test Request" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send" }).First.ClickAsync();
        var sent = await answered;
        Assert.True(sent.Status == 200, $"{sent.Url}: {sent.Status}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Browser.ArtifactsDirectory, "api-reference-request.png") });

        Assert.Empty(consoleErrors);
        Assert.Empty(elsewhere);
    }
}
