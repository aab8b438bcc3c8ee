using System.Net;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Community;

/// <summary>Threads as readers meet them: gaps left by deletions, double posts, refused replies, the wrong page.</summary>
public sealed class CommentThreadTests
{
    private const string Paper = "2506.00001";
    private const string OtherPaper = "2506.00002";
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Fact]
    public async Task A_reply_stays_in_view_when_every_comment_above_it_is_deleted_and_placeholders_name_nobody()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var alan = await site.AddReaderAsync("alan@example.org");
        var top = await PostAsync(site, ada, "Top-level remark");
        var middle = await PostAsync(site, alan, "A reply in the middle", top);
        await PostAsync(site, ada, "The grandchild that stays", middle);

        using var deleteTop = await site.SendAsync(HttpMethod.Delete, $"/api/comments/{top}", ada.Token);
        using var deleteMiddle = await site.SendAsync(HttpMethod.Delete, $"/api/comments/{middle}", alan.Token);
        var page = await site.App.Client.GetStringAsync($"/papers/{Paper}");
        using var api = JsonDocument.Parse(await site.App.Client.GetStringAsync($"/api/papers/{Paper}/comments"));

        Assert.Equal(HttpStatusCode.NoContent, deleteTop.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteMiddle.StatusCode);
        Assert.Contains("The grandchild that stays", page, StringComparison.Ordinal);
        Assert.Equal(2, page.Split("[deleted by its author]").Length - 1);
        var comments = api.RootElement.EnumerateArray().ToList();
        Assert.Equal([top, middle, middle + 1], comments.Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, comments[0].GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, comments[1].GetProperty("author").ValueKind);
        Assert.Equal("ada", comments[2].GetProperty("author").GetProperty("handle").GetString());
    }

    [Fact]
    public async Task The_same_text_posted_twice_at_once_is_one_comment()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);

        var form = new Dictionary<string, string> { ["Body"] = "Double-clicked remark" };
        using var first = await CommunitySite.PostFormAsync(browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=Comment", new(form));
        using var second = await CommunitySite.PostFormAsync(browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=Comment", new(form));
        var third = await PostAsync(site, ada, "Double-clicked remark");
        var different = await PostAsync(site, ada, "Another remark");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.EndsWith($"#comment-{third}", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(third, different);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(2, await context.Comments.CountAsync());
    }

    [Fact]
    public async Task A_refused_reply_comes_back_open_with_its_text_and_line_breaks_count_once()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var top = await PostAsync(site, ada, "Top-level remark");
        using var browser = await site.SignedInBrowserAsync(ada);

        // What a browser sends for 4,000 short lines: 12,000 characters with CRLF, 8,000 as written.
        var lines = string.Concat(Enumerable.Repeat("x\r\n", 4000));
        using var longLines = await CommunitySite.PostFormAsync(
            browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=Comment", new() { ["Body"] = lines, ["ParentId"] = $"{top}" });
        var tooLong = "Typed with care " + new string('y', 10_000);
        using var refused = await CommunitySite.PostFormAsync(
            browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=Comment", new() { ["Body"] = tooLong, ["ParentId"] = $"{top}" });
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, longLines.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var reply = page[page.IndexOf($"id=\"reply-{top}\"", StringComparison.Ordinal)..];
        Assert.StartsWith("Typed with care", reply[(reply.IndexOf('>') + 1)..], StringComparison.Ordinal);
        Assert.Contains("<details class=\"comment-actions\" open=\"open\">", page, StringComparison.Ordinal);
        Assert.Contains("at most 10,000 characters", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_is_changed_only_from_its_own_papers_page_and_not_once_a_moderator_hid_it()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var moderator = await site.AddReaderAsync("mod@example.org", admin: true);
        var id = await PostAsync(site, ada, "Original words");
        using var browser = await site.SignedInBrowserAsync(ada);
        using var moderatorBrowser = await site.SignedInBrowserAsync(moderator);

        using var elsewhere = await CommunitySite.PostFormAsync(
            browser, $"/papers/{OtherPaper}", $"/papers/{OtherPaper}?handler=Edit", new() { ["CommentId"] = $"{id}", ["Body"] = "Changed elsewhere" });
        using var hideElsewhere = await CommunitySite.PostFormAsync(
            moderatorBrowser, $"/papers/{OtherPaper}", $"/papers/{OtherPaper}?handler=ModerateComment", new() { ["CommentId"] = $"{id}", ["hidden"] = "true" });
        using var hide = await CommunitySite.PostFormAsync(
            moderatorBrowser, $"/papers/{Paper}", $"/papers/{Paper}?handler=ModerateComment", new() { ["CommentId"] = $"{id}", ["hidden"] = "true" });
        using var editHidden = await site.SendAsync(HttpMethod.Patch, $"/api/comments/{id}", ada.Token, new { body = "Sneaky rewrite" });

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hideElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editHidden.StatusCode);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal("Original words", (await context.Comments.SingleAsync()).Body);
    }

    [Fact]
    public async Task The_discussion_of_a_hidden_or_unknown_paper_is_not_served()
    {
        await using var site = await StartAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var moderator = await site.AddReaderAsync("mod@example.org", admin: true);
        await PostAsync(site, ada, "Said before the paper was hidden");
        using var browser = await site.SignedInBrowserAsync(moderator);
        using var hide = await CommunitySite.PostFormAsync(browser, $"/papers/{Paper}", $"/papers/{Paper}?handler=ModeratePaper", new() { ["hidden"] = "true" });

        using var hidden = await site.App.Client.GetAsync($"/api/papers/{Paper}/comments");
        using var unknown = await site.App.Client.GetAsync("/api/papers/2506.09999/comments");

        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("Said before", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static Task<CommunitySite> StartAsync() =>
        CommunitySite.StartAsync(
            StoreProvider.Sqlite,
            null,
            SamplePapers.Item(Paper, listedOn: Day, source: ListingSource.Hf, upvotes: 3),
            SamplePapers.Item(OtherPaper, "Another Paper", listedOn: Day, source: ListingSource.Hf));

    private static async Task<long> PostAsync(CommunitySite site, Reader reader, string body, long? parentId = null)
    {
        using var response = await site.SendAsync(HttpMethod.Post, $"/api/papers/{Paper}/comments", reader.Token, new { body, parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }
}
