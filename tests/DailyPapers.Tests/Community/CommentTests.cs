using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Community;

/// <summary>The discussion: threaded Markdown comments, safe to show, edited and deleted only by their authors, moderated.</summary>
public sealed partial class CommentTests
{
    private const string Paper = "2506.00001";
    private static readonly DateOnly Day = new(2025, 6, 10);

    /// <summary>OWASP filter-evasion payloads, as a comment body; none may come out as markup or a script URL.</summary>
    public static TheoryData<string> Payloads => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "<a href=\"jav&#x09;ascript:alert(1)\">y</a>",
        "[x](&#106;avascript:alert(1))",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src=javascript:alert(1)></iframe>",
        "<body onload=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "$\\href{javascript:alert(1)}{x}$",
        "[x]: javascript:alert(1)\n\n[click][x]",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Script_payloads_in_comments_are_shown_as_inert_text(string payload)
    {
        await using var site = await StartAsync();
        var reader = await site.AddReaderAsync("ada@example.org");

        using var posted = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", reader.Token, new { body = payload });
        var page = await site.App.Client.GetStringAsync($"/papers/{Paper}");
        var discussion = page[page.IndexOf("id=\"discussion\"", StringComparison.Ordinal)..];

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.DoesNotMatch(ActiveMarkup(), discussion);
    }

    [Fact]
    public async Task A_thread_with_math_is_shown_and_counted_on_the_listing()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var alan = await site.AddReaderAsync("alan@example.org");

        using var first = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token, new { body = "Nice bound: $O(n^2)$ and **bold**" });
        var firstId = await IdOfAsync(first);
        using var reply = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", alan.Token, new { body = "Agreed", parentId = firstId });
        using var list = JsonDocument.Parse(await site.App.Client.GetStringAsync($"/api/papers/{Paper}/comments"));
        var page = await site.App.Client.GetStringAsync($"/papers/{Paper}");
        var listing = await site.App.Client.GetStringAsync("/papers/date/2025-06-10");

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var comments = list.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, comments.Count);
        Assert.Equal(firstId, comments[1].GetProperty("parentId").GetInt64());
        Assert.Equal("alan", comments[1].GetProperty("author").GetProperty("handle").GetString());
        Assert.Contains("<span class=\"math\">\\(O(n^2)\\)</span>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", page, StringComparison.Ordinal);
        Assert.Contains("2 comments", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.org", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_author_edits_or_deletes_a_comment()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var alan = await site.AddReaderAsync("alan@example.org");
        using var posted = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token, new { body = "First thought" });
        var id = await IdOfAsync(posted);

        using var othersEdit = await site.SendAsync(HttpMethod.Patch, $"/api/comments/{id}", alan.Token, new { body = "Hijacked" });
        using var othersDelete = await site.SendAsync(HttpMethod.Delete, $"/api/comments/{id}", alan.Token);
        using var ownEdit = await site.SendAsync(HttpMethod.Patch, $"/api/comments/{id}", ada.Token, new { body = "Second thought" });
        var edited = await site.App.Client.GetStringAsync($"/papers/{Paper}");
        using var ownDelete = await site.SendAsync(HttpMethod.Delete, $"/api/comments/{id}", ada.Token);
        var deleted = await site.App.Client.GetStringAsync($"/api/papers/{Paper}/comments");

        Assert.Equal(HttpStatusCode.Forbidden, othersEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersDelete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownEdit.StatusCode);
        Assert.Contains("Second thought", edited, StringComparison.Ordinal);
        Assert.Contains("(edited)", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("Hijacked", edited, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, ownDelete.StatusCode);
        Assert.Equal("[]", deleted);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Single(context.Comments);
    }

    [Fact]
    public async Task Bad_comments_are_refused_with_a_reason_and_nothing_is_stored()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");

        using var empty = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token, new { body = "   " });
        using var tooLong = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token, new { body = new string('x', 10_001) });
        using var notJson = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token);
        using var strangeParent = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token, new { body = "hi", parentId = 999 });
        using var noPaper = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.09999/comments", ada.Token, new { body = "hi" });
        using var anonymous = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", null, new { body = "hi" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("10,000", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangeParent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noPaper.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Empty(context.Comments);
    }

    [Fact]
    public async Task A_moderator_hides_a_comment_and_a_paper_and_restores_them()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var moderator = await site.AddReaderAsync("mod@example.org", admin: true);
        using var posted = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token, new { body = "Buy cheap pills" });
        var id = await IdOfAsync(posted);
        using var browser = await site.SignedInBrowserAsync(moderator);
        using var readerBrowser = await site.SignedInBrowserAsync(ada);

        using var readerTries = await CommunitySite.PostFormAsync(
            readerBrowser, $"/papers/{Paper}", $"/papers/{Paper}?handler=ModerateComment", new() { ["CommentId"] = $"{id}", ["hidden"] = "true" });
        using var hideComment = await CommunitySite.PostFormAsync(
            browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=ModerateComment", new() { ["CommentId"] = $"{id}", ["hidden"] = "true" });
        var readerView = await site.App.Client.GetStringAsync($"/papers/{Paper}");
        var moderatorView = await browser.GetStringAsync($"/papers/{Paper}");
        using var hidePaper = await CommunitySite.PostFormAsync(browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=ModeratePaper", new() { ["hidden"] = "true" });
        using var hiddenPage = await site.App.Client.GetAsync($"/papers/{Paper}");
        using var hiddenApi = await site.App.Client.GetAsync($"/api/papers/{Paper}");
        var hiddenListing = await site.App.Client.GetStringAsync("/api/daily_papers?date=2025-06-10");
        await site.App.SearchReadyAsync();
        var hiddenSearch = await site.App.Client.GetStringAsync("/api/papers/search?q=paper");
        var hiddenById = await site.App.Client.GetStringAsync($"/search?q={Paper}");
        using var restorePaper = await CommunitySite.PostFormAsync(browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=ModeratePaper", new() { ["hidden"] = "false" });
        var restoredListing = await site.App.Client.GetStringAsync("/api/daily_papers?date=2025-06-10");
        await site.App.SearchReadyAsync();
        var restoredSearch = await site.App.Client.GetStringAsync("/api/papers/search?q=paper");

        Assert.Equal(HttpStatusCode.Forbidden, readerTries.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, hideComment.StatusCode);
        Assert.DoesNotContain("Buy cheap pills", readerView, StringComparison.Ordinal);
        Assert.Contains("Buy cheap pills", moderatorView, StringComparison.Ordinal);
        Assert.Contains("hidden by a moderator", moderatorView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, hidePaper.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenApi.StatusCode);
        Assert.Equal("[]", hiddenListing);
        Assert.DoesNotContain(Paper, hiddenSearch, StringComparison.Ordinal);
        Assert.DoesNotContain("1 result", hiddenById, StringComparison.Ordinal);
        Assert.Contains(Paper, restoredSearch, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restorePaper.StatusCode);
        Assert.Contains(Paper, restoredListing, StringComparison.Ordinal);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Single(context.Comments);
    }

    [Fact]
    public async Task A_suspended_readers_token_cannot_comment_or_vote()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var suspended = await CliProcess.RunAsync(site.Store.Settings, "user", "suspend", "ada@example.org");

        using var comment = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", ada.Token, new { body = "still here?" });
        using var vote = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/upvote", ada.Token);

        Assert.Equal(0, suspended.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, comment.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, vote.StatusCode);
    }

    private static Task<CommunitySite> StartAsync() =>
        CommunitySite.StartAsync(StoreProvider.Sqlite, null, SamplePapers.Item(Paper, listedOn: Day, source: ListingSource.Hf, upvotes: 3));

    private static async Task<long> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    // A script element, an event handler attribute, or a link or source with a script or data URL.
    [GeneratedRegex("<script|<svg|<iframe|<img|<style|<math|\\son\\w+\\s*=|(href|src)\\s*=\\s*\"?\\s*(javascript|vbscript|data|jav)", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveMarkup();
}
