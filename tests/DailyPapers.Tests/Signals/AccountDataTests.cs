using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Signals;

/// <summary>
/// "Your data" on /account: the export holds everything the reader gave, and deleting the account leaves nothing of
/// theirs in any table — only the anonymous vote counts, and the replies of others to their comments.
/// </summary>
public sealed class AccountDataTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Export_holds_everything_and_deletion_leaves_nothing_of_the_reader(StoreProvider provider)
    {
        await using var site = await CommunitySite.StartAsync(
            provider, null,
            [.. Enumerable.Range(1, 3).Select(i => SamplePapers.Item($"2506.0000{i}", $"Paper {i}", listedOn: Day)),
                SamplePapers.Item("2512.00004", "Fresh paper", submittedAt: DateTimeOffset.UtcNow.AddDays(-1))]);
        await site.App.SearchReadyAsync();
        var ada = await site.AddReaderAsync("ada.secret@example.org");
        var bob = await site.AddReaderAsync("bob@example.org");
        await GiveEverythingAsync(site, ada, bob);
        using var browser = await site.SignedInBrowserAsync(ada);

        using var export = JsonDocument.Parse(await browser.GetStringAsync("/account?handler=Export"));
        var data = export.RootElement;
        Assert.Equal("ada.secret@example.org", data.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("2506.00001", data.GetProperty("votes")[0].GetProperty("paper").GetString());
        Assert.Equal("Ada's own words", data.GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.Equal(2, data.GetProperty("comments").GetArrayLength());
        Assert.Equal("Ada's private note", data.GetProperty("collections")[0].GetProperty("papers")[0].GetProperty("note").GetString());
        Assert.Equal("2506.00002", data.GetProperty("notInterested")[0].GetProperty("paper").GetString());
        Assert.Equal("2506.00003", data.GetProperty("picks")[0].GetProperty("paper").GetString());
        Assert.Equal("cs.LG", data.GetProperty("follows")[0].GetProperty("name").GetString());
        Assert.Equal("ada-only-query", data.GetProperty("subscription").GetProperty("alerts")[0].GetProperty("query").GetString());
        Assert.Equal("tests", data.GetProperty("accessTokens")[0].GetProperty("name").GetString());
        Assert.EndsWith("Z", data.GetProperty("votes")[0].GetProperty("at").GetString(), StringComparison.Ordinal);

        using var wrongPassword = await CommunitySite.PostFormAsync(browser, "/account", "/account?handler=DeleteAccount", new() { ["password"] = "not it at all" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        using var deleted = await CommunitySite.PostFormAsync(browser, "/account", "/account?handler=DeleteAccount", new() { ["password"] = CommunitySite.Password });
        Assert.Equal((HttpStatusCode.Redirect, "/account/deleted"), (deleted.StatusCode, deleted.Headers.Location?.OriginalString));

        var everything = await EveryRowAsTextAsync(site.Store);
        foreach (var trace in new[] { ada.Id, "ada.secret", "ADA.SECRET", ada.Handle, "Ada's own words", "Ada's private note", "Ada's reply", "ada-only-query", "Ada's submission note" })
        {
            Assert.DoesNotContain(trace, everything, StringComparison.Ordinal);
        }

        Assert.Contains("Bob answers Ada", everything, StringComparison.Ordinal);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(1, (await context.Papers.SingleAsync(p => p.Id == "2506.00001")).LocalVotes);
        var reply = await context.Comments.SingleAsync();
        Assert.Null(reply.ParentId);
        Assert.Equal(1, (await context.Papers.SingleAsync(p => p.Id == "2506.00001")).LocalComments);
        // Bob's account and his things are untouched; Ada's token no longer works.
        using var bobVotes = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00002/upvote", bob.Token);
        using var adaVotes = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00002/upvote", ada.Token);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (bobVotes.StatusCode, adaVotes.StatusCode));
    }

    private static async Task GiveEverythingAsync(CommunitySite site, Reader ada, Reader bob)
    {
        using (await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/upvote", ada.Token))
        using (var comment = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/comments", ada.Token, new { body = "Ada's own words" }))
        {
            var adaComment = JsonDocument.Parse(await comment.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
            using var bobReply = await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/comments", bob.Token, new { body = "Bob answers Ada", parentId = adaComment });
            var bobComment = JsonDocument.Parse(await bobReply.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
            using (await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/comments", ada.Token, new { body = "Ada's reply", parentId = bobComment }))
            using (var submitted = await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = "2512.00004", comment = "Ada's submission note" }))
            {
                Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
            }
        }

        var services = site.App.Services;
        var collections = services.GetRequiredService<ReaderCollections>();
        await collections.SaveAsync(ada.Id, null, ArxivId.Parse("2506.00001"), default);
        await collections.SetNoteAsync(ada.Id, "saved", ArxivId.Parse("2506.00001"), "Ada's private note", default);
        await services.GetRequiredService<ReaderSignals>().SetDismissedAsync(ada.Id, ArxivId.Parse("2506.00002"), true, default);
        await services.GetRequiredService<ReaderSignals>().SetPickedAsync(ada.Id, ArxivId.Parse("2506.00003"), true, default);
        Assert.True((await services.GetRequiredService<ReaderFollows>().SetAsync(ada.Id, FollowKind.Category, "cs.LG", true, default)).Succeeded);
        Assert.Null(await services.GetRequiredService<Subscriptions>().SubscribeAsync(ada.Email, ada.Id, default));
        await using var context = site.Store.Factory.CreateContext();
        var subscription = await context.Subscriptions.SingleAsync();
        context.SavedSearches.Add(new SavedSearchEntity { SubscriptionId = subscription.Id, Query = "ada-only-query", CreatedAt = DateTime.UtcNow, CoveredUntil = Day });
        await context.SaveChangesAsync();
    }

    /// <summary>Every value of every row of every table, as text: what a reader's traces would be found in.</summary>
    private static async Task<string> EveryRowAsTextAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ColumnAsync(connection, store.Factory.Provider == StoreProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
        Assert.Contains("saved_papers", tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : reader.GetValue(i).ToString()).Append('\u001f');
                }
            }
        }

        return text.ToString();
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        List<string> values = [];
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
