using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Tests.Digests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;

namespace DailyPapers.Tests.Browser;

/// <summary>
/// Email subscriptions in Chromium: subscribe from the footer box, confirm by the emailed link, set preferences and an
/// alert on the manage page, read a daily digest, and leave by its unsubscribe link.
/// </summary>
public sealed partial class SubscriptionBrowserTests
{
    private const string Email = "ada@example.test";

    [Fact]
    public async Task A_reader_subscribes_confirms_manages_reads_a_digest_and_unsubscribes()
    {
        await using var site = await DigestSite.StartAsync();
        await using var browser = await Support.Browser.LaunchAsync();
        var problems = new List<string>();
        var page = await OpenAsync(browser, problems);

        // The footer box on the day's page: the answer says to check the inbox, and nothing but that mail is queued.
        await page.GotoAsync(Url(site, $"/papers/date/{DigestSite.Day:yyyy-MM-dd}"));
        await page.FillAsync("#footer-subscribe", Email);
        await page.ClickAsync(".subscribe-form button[type=submit]");
        await page.WaitForURLAsync(Url(site, "/subscribe"));
        Assert.Contains("Check your inbox", await page.InnerTextAsync("main .notice"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("subscription-check-inbox.png") });

        // The confirmation email's link, followed in the browser.
        await site.SendAsync();
        var confirmation = Assert.Single(site.Smtp.Messages).Message;
        var confirmLink = Links(confirmation.TextBody).Single(l => l.Contains("/subscriptions/confirm?", StringComparison.Ordinal));
        await page.GotoAsync(Url(site, DigestSite.Local(confirmLink)));
        Assert.Equal("You are subscribed", await page.InnerTextAsync("main h1"));
        Assert.Contains(Email, await page.InnerTextAsync("main .notice"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("subscription-confirmed.png") });

        // The manage page from there: the weekly digest ticked and saved, an alert added, listed and removed.
        await page.ClickAsync("main a[href^='/subscriptions/manage?token=']");
        await page.WaitForURLAsync(new Regex("/subscriptions/manage\\?token="));
        Assert.True(await page.IsCheckedAsync("input[name=daily]"));
        Assert.False(await page.IsCheckedAsync("input[name=weekly]"));
        await page.CheckAsync("input[name=weekly]");
        await page.ClickAsync("form[action*='handler=Save'] button[type=submit]");
        await page.WaitForSelectorAsync("main .notice.success");
        Assert.Equal("Saved.", await page.InnerTextAsync("main .notice.success"));
        Assert.True(await page.IsCheckedAsync("input[name=weekly]"));
        Assert.True(await page.IsCheckedAsync("input[name=daily]"));

        await page.FillAsync("#alert-query", "\"sparse attention\"");
        await page.FillAsync("#alert-categories", "cs.CL, cs.LG");
        await page.ClickAsync("form[action*='handler=AddAlert'] button[type=submit]");
        var alert = page.Locator("main ul.alert-list > li");
        await alert.First.WaitForAsync();
        Assert.Contains("Alert added", await page.InnerTextAsync("main .notice.success"), StringComparison.Ordinal);
        var listed = await alert.InnerTextAsync();
        Assert.Contains("\"sparse attention\"", listed, StringComparison.Ordinal);
        Assert.Contains("cs.CL cs.LG", listed, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("subscription-manage.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("subscription-manage-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1200, 900);
        await alert.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("main ul.alert-list", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Equal("Alert removed.", await page.InnerTextAsync("main .notice.success"));
        Assert.Contains("None yet", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await using (var context = site.Store.Factory.CreateContext())
        {
            var saved = await context.Subscriptions.SingleAsync();
            Assert.Equal((SubscriptionStatus.Confirmed, true, true), (saved.Status, saved.Daily, saved.Weekly));
            Assert.Equal(0, await context.SavedSearches.CountAsync());
        }

        // The daily digest, its HTML part shown as a mail client would (a page of its own: its inline styles are expected).
        // The test day's digest fell due long ago: the reader counts as confirmed before it.
        await DigestSite.BackdateConfirmationsAsync(site.Store);
        var planned = await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        await site.SendAsync();
        Assert.Equal(1, planned.Added);
        var digest = Assert.Single(site.Smtp.Messages.Skip(1)).Message;
        var unsubscribe = digest.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        Assert.Contains(unsubscribe, Links(digest.TextBody));
        var hrefs = await ShowEmailAsync(browser, digest.HtmlBody, "subscription-digest-email.png");
        Assert.All(hrefs, href => Assert.StartsWith("http://papers.example.test/", href, StringComparison.Ordinal));
        Assert.Contains("http://papers.example.test/papers/2506.00001", hrefs);
        Assert.Contains(unsubscribe, hrefs);
        Assert.Contains(hrefs, href => href.StartsWith("http://papers.example.test/subscriptions/manage?token=", StringComparison.Ordinal));

        // Its unsubscribe link, followed in the browser: a page with one button, then the address is out of every digest.
        await page.GotoAsync(Url(site, DigestSite.Local(unsubscribe)));
        Assert.Equal("Unsubscribe?", await page.InnerTextAsync("main h1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("subscription-unsubscribe.png") });
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("main h1:text-is('You are unsubscribed')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("subscription-unsubscribed.png") });
        await using (var context = site.Store.Factory.CreateContext())
        {
            Assert.Equal(SubscriptionStatus.Unsubscribed, (await context.Subscriptions.SingleAsync()).Status);
        }

        // The weekly digest was ticked, so the week would have included this address had it stayed.
        var week = await site.Service<DigestPlanner>().PlanWeeklyAsync(Core.Listings.ListingPeriod.WeekOf(DigestSite.Day), CancellationToken.None);
        await site.SendAsync();
        Assert.Equal(0, week.Added);
        Assert.Equal(2, site.Smtp.Messages.Count);

        Assert.Empty(problems);
    }

    private static string Url(DigestSite site, string path) => new Uri(site.App.BaseAddress, path).ToString();

    private static string Artifact(string name) => Path.Combine(Support.Browser.ArtifactsDirectory, name);

    private static List<string> Links(string? text) => [.. LinkPattern().Matches(text ?? "").Select(m => m.Value)];

    /// <summary>A page in a context of its own whose console errors, script errors and alerts land in <paramref name="problems"/>.</summary>
    private static async Task<IPage> OpenAsync(Support.Browser browser, List<string> problems)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await context.NewPageAsync();
        // Generous timeouts: CI machines are small and shared; the assertions, not the clock, decide the test.
        page.SetDefaultTimeout(60_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add($"uncaught {error}");
        page.Dialog += async (_, dialog) =>
        {
            problems.Add($"alert \"{dialog.Message}\"");
            await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>
    /// Shows an email's HTML part at a phone-ish width with the network cut off, asserts it loads nothing (no images,
    /// no remote styles), saves a screenshot and returns its links.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ShowEmailAsync(Support.Browser browser, string? html, string screenshot)
    {
        Assert.False(string.IsNullOrEmpty(html));
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 700, Height = 900 },
            JavaScriptEnabled = false,
        });
        var requests = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            requests.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.SetContentAsync(html);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact(screenshot), FullPage = true });

        Assert.Empty(requests);
        Assert.Equal(0, await page.Locator("img, picture, svg, video, iframe, object, embed").CountAsync());
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(10, await page.Locator("ol > li").CountAsync());
        var text = await page.InnerTextAsync("body");
        Assert.Contains("Paper number 1 on α-divergences", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$", text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe", text, StringComparison.Ordinal);
        return await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.getAttribute('href'))");
    }

    [GeneratedRegex("https?://[^\\s<>\"]+")]
    private static partial Regex LinkPattern();
}
