using System.Net;
using AngleSharp.Html.Parser;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Signals;

/// <summary>"Set up your feed": categories, authors and picked papers in one form; refusals said, the rest kept.</summary>
public sealed class SetupPageTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Fact]
    public async Task Categories_authors_and_picks_are_saved_and_what_is_refused_is_said_and_typed_back()
    {
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite,
            null,
            [.. Enumerable.Range(1, 4).Select(i =>
            {
                var item = SamplePapers.Item($"2506.0000{i}", i == 2 ? "Diffusion models for text" : $"Paper {i}", categories: "cs.CL", listedOn: Day);
                return item with { Paper = item.Paper with { Authors = ["Grace Hopper"] } };
            })]);
        await site.App.SearchReadyAsync();
        var ada = await site.AddReaderAsync("ada@example.org");
        using var browser = await site.SignedInBrowserAsync(ada);

        var search = new HtmlParser().ParseDocument(await browser.GetStringAsync("/for-you/setup?q=diffusion"));
        Assert.Equal(["2506.00002"], search.QuerySelectorAll("input[name=pick]").Select(i => i.GetAttribute("value")));
        Assert.Contains("cs.CL", search.QuerySelectorAll("input[name=category]").Select(i => i.GetAttribute("value")));

        using var partly = await browser.PostAsync("/for-you/setup", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Antiforgery.Token(await browser.GetStringAsync("/for-you/setup"))),
            new("shown", "cs.CL"), new("shown", "cs.LG"), new("category", "cs.CL"),
            new("Authors", "Grace Hopper\nNobody Atall"),
            new("Ids", "2506.00001 https://arxiv.org/abs/2506.00003 not-an-id 2506.09999"),
            new("pick", "2506.00002"),
        ]));
        var page = new HtmlParser().ParseDocument(await partly.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, partly.StatusCode);
        var problems = page.QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("Nobody Atall", problems, StringComparison.Ordinal);
        Assert.Contains("not-an-id", problems, StringComparison.Ordinal);
        Assert.Contains("2506.09999", problems, StringComparison.Ordinal);
        Assert.Equal("Nobody Atall", page.QuerySelector("#setup-authors")!.TextContent);
        var set = (await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default))!;
        Assert.Equal(["2506.00001", "2506.00002", "2506.00003"], set.Positives.Select(p => p.PaperId).Order());
        Assert.All(set.Positives, p => Assert.Equal(PositiveSource.Pick, p.Source));
        Assert.Equal([(FollowKind.Category, "cs.CL"), (FollowKind.Author, "Grace Hopper")], set.Follows.Select(f => (f.Kind, f.Label)).OrderByDescending(f => f.Kind));

        // Unticking a shown category unfollows it; a clean post goes to the list.
        using var clean = await browser.PostAsync("/for-you/setup", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Antiforgery.Token(await browser.GetStringAsync("/for-you/setup"))),
            new("shown", "cs.CL"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode);
        Assert.Equal("/for-you", clean.Headers.Location?.OriginalString);
        Assert.DoesNotContain((await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(ada.Id, default))!.Follows, f => f.Kind == FollowKind.Category);
    }
}
