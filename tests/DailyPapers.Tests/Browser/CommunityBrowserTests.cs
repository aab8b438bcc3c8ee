using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.Playwright;

namespace DailyPapers.Tests.Browser;

/// <summary>
/// The community flow in Chromium, with three readers in their own browser contexts: one signs up and submits a paper,
/// a second upvotes it in place and replies to the first one's comment with math, and a moderator hides that reply.
/// </summary>
public sealed class CommunityBrowserTests
{
    private const string PaperId = "2511.00001";
    private const string Reply = @"$\frac{a}{b}$ and $x^2$";

    [Fact]
    public async Task Readers_submit_upvote_and_discuss_a_paper_with_math_and_a_moderator_hides_a_reply()
    {
        var paper = SamplePapers.Item(PaperId, "Tight Bounds for Sparse Attention", submittedAt: DateTimeOffset.UtcNow.AddDays(-2));
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, null, paper);
        var admin = await site.AddReaderAsync("mod@example.org", admin: true);
        await using var browser = await Support.Browser.LaunchAsync();
        var problems = new List<string>();
        var paperUrl = Url(site, $"/papers/{PaperId}");

        // Reader A signs up from the header and submits the paper by its arXiv address.
        var ada = await OpenAsync(browser, "ada", problems);
        await ada.GotoAsync(Url(site, "/"));
        await SignUpAsync(site, ada, "ada@example.org");
        await ada.ClickAsync(".site-nav a[href='/papers/submit']");
        await ada.FillAsync("#submit-paper", $"https://arxiv.org/abs/{PaperId}");
        await ada.FillAsync("#submit-comment", "The first tight bound I have seen.");
        await ada.ClickAsync("section.account-form button[type=submit]");
        await ada.WaitForURLAsync($"{paperUrl}?submitted=1");
        var submissions = await ada.InnerTextAsync(".submissions");
        Assert.Contains("Submitted by ada", submissions, StringComparison.Ordinal);
        Assert.Contains("The first tight bound I have seen.", submissions, StringComparison.Ordinal);

        // Reader B upvotes it on today's list: the count changes in place, with no navigation.
        var grace = await OpenAsync(browser, "grace", problems);
        await grace.GotoAsync(Url(site, "/"));
        await SignUpAsync(site, grace, "grace@example.org");
        var today = Url(site, $"/papers/date/{DateTimeOffset.UtcNow:yyyy-MM-dd}");
        await grace.GotoAsync(today);
        var vote = grace.Locator($"form.vote-form[action='/papers/{PaperId}?handler=Vote'] .vote-button");
        Assert.Equal("false", await vote.GetAttributeAsync("aria-pressed"));
        Assert.Equal("0", await vote.Locator(".vote-count").InnerTextAsync());
        await grace.EvaluateAsync("() => { window.stillThisDocument = true; }");
        await vote.ClickAsync();
        await grace.WaitForSelectorAsync(".vote-button[aria-pressed='true']");
        Assert.Equal("1", await vote.Locator(".vote-count").InnerTextAsync());
        Assert.Equal("vote", await Label(vote).TextContentAsync());
        Assert.Equal(today, grace.Url);
        Assert.True(await grace.EvaluateAsync<bool>("() => window.stillThisDocument === true"));
        await grace.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("community-day-upvoted.png") });

        await grace.ReloadAsync();
        Assert.Equal("true", await vote.GetAttributeAsync("aria-pressed"));
        Assert.Equal("1", await vote.Locator(".vote-count").InnerTextAsync());
        await vote.ClickAsync();
        await grace.WaitForSelectorAsync(".vote-button[aria-pressed='false']");
        Assert.Equal("0", await vote.Locator(".vote-count").InnerTextAsync());
        Assert.Equal("votes", await Label(vote).TextContentAsync());
        Assert.Equal(0, await site.UpvotesAsync(PaperId));

        // Reader A comments; reader B replies with math, which KaTeX typesets inside the nested reply.
        await ada.FillAsync("#comment-body", "Is the bound in Theorem 2 tight for every sparsity pattern?");
        await ada.ClickAsync("#discussion > form.comment-form button[type=submit]");
        await ada.WaitForURLAsync($"{paperUrl}#comment-*");
        var question = "#" + new Uri(ada.Url).Fragment.TrimStart('#');

        await grace.GotoAsync(paperUrl);
        await grace.ClickAsync($"{question} > details.comment-actions > summary");
        await grace.FillAsync($"{question} > details.comment-actions textarea[name=Body]", Reply);
        await grace.Locator("#discussion").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifact("community-reply-open.png") });
        await grace.ClickAsync($"{question} > details.comment-actions button[type=submit]");
        await grace.WaitForURLAsync($"{paperUrl}#comment-*");
        var reply = "#" + new Uri(grace.Url).Fragment.TrimStart('#');
        Assert.NotEqual(question, reply);
        Assert.Equal(1, await grace.Locator($"{question} > ol.comment-thread > li{reply}").CountAsync());
        await AssertMathRenderedAsync(grace, $"{reply} > .comment-body");
        await grace.Locator("#discussion").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifact("community-discussion-math.png") });

        // Before the moderator acts, an anonymous reader sees the reply (and the page may be cached for them).
        var anonymous = await OpenAsync(browser, "anonymous", problems);
        await anonymous.GotoAsync(paperUrl);
        await AssertMathRenderedAsync(anonymous, $"{reply} > .comment-body");

        // The moderator hides the reply: anonymous readers lose its text, the moderator still sees it, marked.
        var moderator = await OpenAsync(browser, "moderator", problems);
        await moderator.GotoAsync(Url(site, "/account/signin"));
        await moderator.FillAsync("#Email", admin.Email);
        await moderator.FillAsync("#Password", CommunitySite.Password);
        await moderator.ClickAsync("section.account-form button[type=submit]");
        await moderator.WaitForURLAsync(Url(site, "/"));
        await moderator.GotoAsync(paperUrl);
        await moderator.ClickAsync($"{reply} > form[action*='handler=ModerateComment'] button");
        await moderator.WaitForURLAsync($"{paperUrl}{reply}");
        Assert.Equal("hidden by a moderator", await moderator.TextContentAsync($"{reply} > .comment-meta .badge"));
        Assert.Equal("Restore", await moderator.InnerTextAsync($"{reply} > form[action*='handler=ModerateComment'] button"));
        await AssertMathRenderedAsync(moderator, $"{reply} > .comment-body");
        Assert.Equal(0, await moderator.Locator($"{reply} > details.comment-actions").CountAsync());
        await moderator.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("community-paper-moderator.png"), FullPage = true });

        // A hidden reply without replies of its own leaves the thread altogether (one with replies would stay as a placeholder).
        await anonymous.ReloadAsync();
        Assert.Contains("Is the bound in Theorem 2 tight", await anonymous.InnerTextAsync(question), StringComparison.Ordinal);
        Assert.Equal(0, await anonymous.Locator(reply).CountAsync());
        Assert.Equal(0, await anonymous.Locator("#discussion .katex").CountAsync());
        Assert.DoesNotContain(@"\frac", await anonymous.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("(1)", await anonymous.TextContentAsync("#discussion-heading .muted"));

        Assert.Empty(problems);
    }

    private static string Url(CommunitySite site, string path) => new Uri(site.App.BaseAddress, path).ToString();

    private static ILocator Label(ILocator voteButton) => voteButton.Locator("xpath=ancestor::div[contains(@class,'votes')][1]/small");

    private static string Artifact(string name) => Path.Combine(Support.Browser.ArtifactsDirectory, name);

    /// <summary>A page in a context of its own (its own cookies), whose console errors, script errors and alerts land in <paramref name="problems"/>.</summary>
    private static async Task<IPage> OpenAsync(Support.Browser browser, string who, List<string> problems)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await context.NewPageAsync();
        // Generous timeouts: CI machines are small and shared; the assertions, not the clock, decide the test.
        page.SetDefaultTimeout(60_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (problems)
                {
                    problems.Add($"{who}: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"{who}: uncaught {error}");
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            lock (problems)
            {
                problems.Add($"{who}: alert \"{dialog.Message}\"");
            }

            await dialog.DismissAsync();
        };
        return page;
    }

    private static async Task SignUpAsync(CommunitySite site, IPage page, string email)
    {
        await page.ClickAsync(".account-nav a[href='/account/signup']");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", CommunitySite.Password);
        await page.ClickAsync("section.account-form button[type=submit]");
        await page.WaitForURLAsync(Url(site, "/"));
        Assert.Equal(email, await page.InnerTextAsync(".account-nav .account-name"));
    }

    /// <summary>Both formulas of <see cref="Reply"/> typeset by KaTeX, and no TeX source left outside its output.</summary>
    private static async Task AssertMathRenderedAsync(IPage page, string body)
    {
        var math = page.Locator($"{body} .katex");
        await math.First.WaitForAsync();
        Assert.Equal(2, await math.CountAsync());
        Assert.Equal(1, await page.Locator($"{body} .katex .mfrac").CountAsync());
        var textOutsideMath = await page.EvalOnSelectorAsync<string>(
            body,
            "element => { const copy = element.cloneNode(true); copy.querySelectorAll('.katex').forEach(k => k.remove()); return copy.textContent; }");
        Assert.Equal("and", textOutsideMath.Trim());
    }
}
