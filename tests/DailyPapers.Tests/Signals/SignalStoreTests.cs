using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Signals;

/// <summary>
/// A reader's saves, collections, "not interested", picks and follows, on both stores: idempotent, limited with a clear
/// message, nothing half-written, and each change moving the reader's signals version.
/// </summary>
public sealed class SignalStoreTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Saving_makes_the_default_collection_once_and_puts_new_papers_on_top(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        var ada = await site.AddReaderAsync("ada@example.org");
        var collections = site.App.Services.GetRequiredService<ReaderCollections>();

        var first = await collections.SaveAsync(ada.Id, null, Id("2506.00001"), default);
        var again = await collections.SaveAsync(ada.Id, null, Id("2506.00001"), default);
        var second = await collections.SaveAsync(ada.Id, null, Id("2506.00002"), default);

        Assert.True(first.Result.Succeeded && again.Result.Succeeded && second.Result.Succeeded);
        Assert.Equal("saved", first.Slug);
        var list = Assert.Single(await collections.ListAsync(ada.Id, default));
        Assert.Equal(("Saved", "saved", false, true, 2), (list.Name, list.Slug, list.IsPublic, list.IsSignal, list.PaperCount));
        var contents = await collections.ReadAsync(ada.Id, "saved", default);
        Assert.Equal(["2506.00002", "2506.00001"], contents!.Papers.Select(p => p.PaperId));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Unknown_and_hidden_papers_cannot_be_saved_dismissed_or_picked(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        var ada = await site.AddReaderAsync("ada@example.org");
        var services = site.App.Services;
        await using (var context = site.Store.Factory.CreateContext())
        {
            await context.Papers.Where(p => p.Id == "2506.00003").ExecuteUpdateAsync(s => s.SetProperty(p => p.IsHidden, true));
        }

        foreach (var paper in new[] { "2506.09999", "2506.00003" })
        {
            var saved = await services.GetRequiredService<ReaderCollections>().SaveAsync(ada.Id, null, Id(paper), default);
            var dismissed = await services.GetRequiredService<ReaderSignals>().SetDismissedAsync(ada.Id, Id(paper), true, default);
            var picked = await services.GetRequiredService<ReaderSignals>().SetPickedAsync(ada.Id, Id(paper), true, default);
            Assert.All(new[] { saved.Result, dismissed, picked }, r => Assert.Equal(SignalFailure.NotFound, r.Failure));
            Assert.Contains(paper, saved.Result.Message, StringComparison.Ordinal);
        }

        // Nothing half-written: not even the default collection of the refused save.
        await using var check = site.Store.Factory.CreateContext();
        Assert.Equal(0, await check.Collections.CountAsync() + await check.Dismissals.CountAsync() + await check.Picks.CountAsync());
        Assert.Equal(0, (await check.Users.SingleAsync(u => u.Id == ada.Id)).SignalsVersion);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Concurrent_saves_and_dismissals_of_one_paper_lose_nothing_and_the_later_decides(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        var ada = await site.AddReaderAsync("ada@example.org");
        var collections = site.App.Services.GetRequiredService<ReaderCollections>();
        var signals = site.App.Services.GetRequiredService<ReaderSignals>();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i => i % 2 == 0
            ? (await collections.SaveAsync(ada.Id, null, Id("2506.00001"), default)).Result
            : await signals.SetDismissedAsync(ada.Id, Id("2506.00001"), true, default)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(1, await context.SavedPapers.CountAsync());
        Assert.Equal(1, await context.Dismissals.CountAsync());
        Assert.Equal(1, await context.Collections.CountAsync());
        var set = await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default);
        var saved = await context.SavedPapers.SingleAsync();
        var dismissed = await context.Dismissals.SingleAsync();
        // Exactly one of the two counts, the later one.
        Assert.Equal(saved.SavedAt >= dismissed.DismissedAt, set!.Positives.Any(p => p.PaperId == "2506.00001"));
        Assert.NotEqual(set.Positives.Any(p => p.PaperId == "2506.00001"), set.Dismissed.Contains("2506.00001"));
        Assert.Equal(2, set.Version);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Collections_refuse_bad_names_keep_their_address_when_renamed_and_stay_private(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        var ada = await site.AddReaderAsync("ada@example.org");
        var bob = await site.AddReaderAsync("bob@example.org");
        var collections = site.App.Services.GetRequiredService<ReaderCollections>();

        var huge = await collections.CreateAsync(ada.Id, new string('x', 10_000), false, true, default);
        var blank = await collections.CreateAsync(ada.Id, "  \n ", false, true, default);
        var html = await collections.CreateAsync(ada.Id, "<script>alert(1)</script> Reading", false, false, default);
        var twin = await collections.CreateAsync(ada.Id, "Script alert 1 script reading", false, true, default);
        var renamed = await collections.UpdateAsync(ada.Id, html.Created!.Slug, "Reading list", isPublic: null, isSignal: null, default);
        var saved = await collections.SaveAsync(ada.Id, html.Created.Slug, Id("2506.00002"), default);
        var bobSaves = await collections.SaveAsync(bob.Id, html.Created.Slug, Id("2506.00002"), default);

        Assert.Equal(SignalFailure.Invalid, huge.Result.Failure);
        Assert.Contains("10,000", huge.Result.Message, StringComparison.Ordinal);
        Assert.Equal(SignalFailure.Invalid, blank.Result.Failure);
        Assert.Equal("<script>alert(1)</script> Reading", html.Created.Name);
        Assert.Equal("script-alert-1-script-reading", html.Created.Slug);
        Assert.Equal("script-alert-1-script-reading-2", twin.Created!.Slug);
        Assert.True(renamed.Succeeded && saved.Result.Succeeded);
        Assert.Equal(SignalFailure.NotFound, bobSaves.Result.Failure);
        var mine = await collections.ReadAsync(ada.Id, html.Created.Slug, default);
        Assert.Equal(("Reading list", false, 1), (mine!.Collection.Name, mine.Collection.IsSignal, mine.Papers.Count));
        Assert.Null(await collections.ReadAsync(bob.Id, html.Created.Slug, default));
        Assert.Null(await collections.ReadPublicAsync(ada.Handle, html.Created.Slug, default));

        Assert.True((await collections.UpdateAsync(ada.Id, html.Created.Slug, null, isPublic: true, isSignal: null, default)).Succeeded);
        Assert.Equal("Reading list", (await collections.ReadPublicAsync(ada.Handle, html.Created.Slug, default))!.Collection.Name);
        Assert.Null(await collections.ReadPublicAsync(bob.Handle, html.Created.Slug, default));
        // Not a signal: the save in "Reading list" teaches nothing.
        var set = await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default);
        Assert.Empty(set!.Positives);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Notes_and_order_are_kept_and_a_long_note_is_refused(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        var ada = await site.AddReaderAsync("ada@example.org");
        var collections = site.App.Services.GetRequiredService<ReaderCollections>();
        foreach (var paper in new[] { "2506.00001", "2506.00002", "2506.00004" })
        {
            Assert.True((await collections.SaveAsync(ada.Id, null, Id(paper), default)).Result.Succeeded);
        }

        var noted = await collections.SetNoteAsync(ada.Id, "saved", Id("2506.00002"), "  Read **section 3** <script>x</script> ", default);
        var tooLong = await collections.SetNoteAsync(ada.Id, "saved", Id("2506.00002"), new string('n', 2_001), default);
        var notSaved = await collections.SetNoteAsync(ada.Id, "saved", Id("2506.00003"), "x", default);
        var moved = await collections.MoveAsync(ada.Id, "saved", Id("2506.00001"), 0, default);

        Assert.True(noted.Succeeded && moved.Succeeded);
        Assert.Equal(SignalFailure.Invalid, tooLong.Failure);
        Assert.Equal(SignalFailure.NotFound, notSaved.Failure);
        var contents = (await collections.ReadAsync(ada.Id, "saved", default))!;
        Assert.Equal(["2506.00001", "2506.00004", "2506.00002"], contents.Papers.Select(p => p.PaperId));
        Assert.Equal("Read **section 3** <script>x</script>", contents.Papers[2].Note);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Follows_need_an_author_or_category_the_site_has_and_fold_names(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        await site.App.SearchReadyAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        var follows = site.App.Services.GetRequiredService<ReaderFollows>();

        var author = await follows.SetAsync(ada.Id, FollowKind.Author, "Ada Lovelace", true, default);
        var sameAuthor = await follows.SetAsync(ada.Id, FollowKind.Author, "  ada   LOVELACE ", true, default);
        var nobody = await follows.SetAsync(ada.Id, FollowKind.Author, "Nobody Atall", true, default);
        var category = await follows.SetAsync(ada.Id, FollowKind.Category, "cs.CL", true, default);
        var empty = await follows.SetAsync(ada.Id, FollowKind.Category, "math.AG", true, default);
        var notACategory = await follows.SetAsync(ada.Id, FollowKind.Category, "<b>cs</b>", true, default);
        var tooLong = await follows.SetAsync(ada.Id, FollowKind.Author, new string('a', 201), true, default);

        Assert.True(author.Succeeded && sameAuthor.Succeeded && category.Succeeded, author.Message + sameAuthor.Message + category.Message);
        Assert.Equal(SignalFailure.NotFound, nobody.Failure);
        Assert.Contains("Nobody Atall", nobody.Message, StringComparison.Ordinal);
        Assert.Equal(SignalFailure.NotFound, empty.Failure);
        Assert.Equal(SignalFailure.Invalid, notACategory.Failure);
        Assert.Equal(SignalFailure.Invalid, tooLong.Failure);
        var set = await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default);
        Assert.Equal(
            [new FollowedName(FollowKind.Author, "ada lovelace", "Ada Lovelace"), new FollowedName(FollowKind.Category, "cs.cl", "cs.CL")],
            set!.Follows);

        Assert.True((await follows.SetAsync(ada.Id, FollowKind.Author, "ADA LOVELACE", false, default)).Succeeded);
        Assert.Single((await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default))!.Follows);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Votes_picks_and_saves_are_the_positives_and_each_change_moves_the_version(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        var ada = await site.AddReaderAsync("ada@example.org");
        var reader = site.App.Services.GetRequiredService<ReaderSignalReader>();

        using (await site.SendAsync(HttpMethod.Post, "/api/papers/2506.00001/upvote", ada.Token))
        {
        }

        var afterVote = await reader.ReadAsync(ada.Id, default);
        await site.App.Services.GetRequiredService<ReaderSignals>().SetPickedAsync(ada.Id, Id("2506.00002"), true, default);
        await site.App.Services.GetRequiredService<ReaderCollections>().SaveAsync(ada.Id, null, Id("2506.00001"), default);
        var after = await reader.ReadAsync(ada.Id, default);

        Assert.Equal(1, afterVote!.Version);
        Assert.Equal([("2506.00001", PositiveSource.Vote)], afterVote.Positives.Select(p => (p.PaperId, p.Source)));
        Assert.True(after!.Version >= 3);
        Assert.Equal(
            [("2506.00001", PositiveSource.Save), ("2506.00002", PositiveSource.Pick)],
            after.Positives.Select(p => (p.PaperId, p.Source)).OrderBy(p => p.PaperId));
        Assert.False(after.IsCold);
    }

    private static ArxivId Id(string value) => ArxivId.Parse(value);

    private static Task<CommunitySite> StartAsync(StoreProvider provider)
    {
        var papers = Enumerable.Range(1, 4).Select(i =>
        {
            var item = SamplePapers.Item($"2506.0000{i}", $"Paper {i}", categories: i % 2 == 0 ? "cs.CL" : "cs.LG", listedOn: Day);
            return item with { Paper = item.Paper with { Authors = [i == 1 ? "Ada Lovelace" : "Grace Hopper"] } };
        });
        return CommunitySite.StartAsync(provider, null, [.. papers]);
    }
}
