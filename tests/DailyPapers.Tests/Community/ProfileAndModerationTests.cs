using System.Net;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Community;

/// <summary>Profile pages (never the email; upvotes only when public) and the moderators' page.</summary>
public sealed class ProfileAndModerationTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Fact]
    public async Task A_profile_lists_submissions_and_comments_and_upvotes_only_once_public()
    {
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite,
            null,
            SamplePapers.Item("2511.00001", "Submitted Work", submittedAt: DateTimeOffset.UtcNow.AddDays(-1)),
            SamplePapers.Item("2506.00002", "Discussed Work", listedOn: Day, source: ListingSource.Hf));
        var ada = await site.AddReaderAsync("ada.lovelace@example.org");
        using (await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2511.00001" }))
        using (await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00002/comments", ada.Token, new { body = "A *careful* reading" }))
        using (await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00002/upvote", ada.Token))
        {
        }

        var before = await site.App.Client.GetStringAsync($"/users/{ada.Handle}");
        using var browser = await site.SignedInBrowserAsync(ada);
        using var madePublic = await CommunitySite.PostFormAsync(browser, "/account", "/account?handler=Visibility", new() { ["votesArePublic"] = "true" });
        var after = await site.App.Client.GetStringAsync($"/users/{ada.Handle}");
        using var nobody = await site.App.Client.GetAsync("/users/nobody-here");

        Assert.Equal("ada-lovelace", ada.Handle);
        Assert.Contains("Submitted Work", before, StringComparison.Ordinal);
        Assert.Contains("<em>careful</em>", before, StringComparison.Ordinal);
        Assert.Contains("keeps their upvotes private", before, StringComparison.Ordinal);
        Assert.DoesNotContain("ada.lovelace@", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, madePublic.StatusCode);
        Assert.DoesNotContain("keeps their upvotes private", after, StringComparison.Ordinal);
        Assert.Equal(2, after.Split("Discussed Work").Length - 1);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
    }

    [Fact]
    public async Task Two_readers_with_the_same_local_part_get_different_handles()
    {
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite);

        var first = await site.AddReaderAsync("sam@example.org");
        var second = await site.AddReaderAsync("sam@example.com");

        Assert.Equal(("sam", "sam-2"), (first.Handle, second.Handle));
    }

    [Fact]
    public async Task Moderators_suspend_and_restore_readers_from_the_moderation_page_which_readers_cannot_open()
    {
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, null, SamplePapers.Item("2506.00001", listedOn: Day));
        var ada = await site.AddReaderAsync("ada@example.org");
        var moderator = await site.AddReaderAsync("mod@example.org", admin: true);
        using var readerBrowser = await site.SignedInBrowserAsync(ada);
        using var moderatorBrowser = await site.SignedInBrowserAsync(moderator);

        using var refused = await readerBrowser.GetAsync("/admin");
        using var suspend = await CommunitySite.PostFormAsync(moderatorBrowser, "/admin", "/admin?handler=Suspend", new() { ["userId"] = ada.Id, ["suspend"] = "true" });
        var suspendedPage = await moderatorBrowser.GetStringAsync(suspend.Headers.Location!.OriginalString);
        var reloaded = await moderatorBrowser.GetStringAsync("/admin");
        using var voteWhileSuspended = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/upvote", ada.Token);
        using var restore = await CommunitySite.PostFormAsync(moderatorBrowser, "/admin", "/admin?handler=Suspend", new() { ["userId"] = ada.Id, ["suspend"] = "false" });
        using var voteAfter = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/upvote", ada.Token);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        Assert.Contains("ada is suspended", suspendedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("ada is suspended", reloaded, StringComparison.Ordinal); // said once, not on every visit
        Assert.Equal(HttpStatusCode.Unauthorized, voteWhileSuspended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, voteAfter.StatusCode);
    }
}
