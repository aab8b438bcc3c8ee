using System.Net;
using AngleSharp.Html.Parser;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// A subscriber's saved-search alert as a feed: its secret address is on the manage page, it lists the recent
/// papers the alert matches, it is private to caches, and it ends when the alert is removed.
/// </summary>
public sealed class AlertFeedTests
{
    [Fact]
    public async Task The_manage_page_links_an_alert_feed_that_lists_its_matches_until_the_alert_is_removed()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await FeedSite.ImportAsync(store);
        await using var app = await RunningApp.StartAsync(store);
        await app.SearchReadyAsync();
        var (subscription, alert) = await SubscribeWithAlertAsync(store, "agent", "", minVotes: 0);
        var tokens = app.Services.GetRequiredService<SubscriptionTokens>();

        var manage = new HtmlParser().ParseDocument(await app.Client.GetStringAsync($"/subscriptions/manage?token={Uri.EscapeDataString(tokens.Manage(subscription))}"));
        var links = manage.QuerySelectorAll(".alert-feeds a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);
        var atom = Assert.Single(links, l => l.EndsWith(".atom", StringComparison.Ordinal));
        Assert.StartsWith("/feeds/alerts/", atom, StringComparison.Ordinal);

        using var response = await app.Client.GetAsync(atom);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private);
        var (title, items) = FeedItem.Parse("atom", await response.Content.ReadAsStringAsync());
        Assert.Equal("Alert: \"agent\"", title);
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("agent", i.Title + i.Content, StringComparison.OrdinalIgnoreCase));

        using var tampered = await app.Client.GetAsync(atom.Replace("/feeds/alerts/", "/feeds/alerts/x", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);

        await using (var context = store.Factory.CreateContext())
        {
            await context.SavedSearches.Where(a => a.Id == alert.Id).ExecuteDeleteAsync();
        }

        await Task.Delay(Infrastructure.Papers.StoreVersion.MaxAge);
        using var removed = await app.Client.GetAsync(atom + "?limit=10");
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
    }

    private static async Task<(SubscriptionEntity, SavedSearchEntity)> SubscribeWithAlertAsync(TestStore store, string query, string categories, int minVotes)
    {
        await using var context = store.Factory.CreateContext();
        var subscription = new SubscriptionEntity
        {
            Email = "ada@example.test",
            NormalizedEmail = "ADA@EXAMPLE.TEST",
            Status = SubscriptionStatus.Confirmed,
            TokenSecret = SubscriptionTokens.NewSecret(),
            CreatedAt = DateTime.UtcNow,
            ConfirmedAt = DateTime.UtcNow,
        };
        context.Subscriptions.Add(subscription);
        await context.SaveChangesAsync();
        var alert = new SavedSearchEntity
        {
            SubscriptionId = subscription.Id,
            Query = query,
            Categories = categories,
            MinVotes = minVotes,
            CreatedAt = DateTime.UtcNow,
            CoveredUntil = new DateOnly(2025, 6, 1),
        };
        context.SavedSearches.Add(alert);
        await context.SaveChangesAsync();
        return (subscription, alert);
    }
}
