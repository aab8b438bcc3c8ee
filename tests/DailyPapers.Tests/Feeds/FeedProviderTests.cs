using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// The feeds' SQL (the latest day a feed could list, day-then-votes order, the code and category conditions) gives
/// the same items in the same order on PostgreSQL as on SQLite, for the same imported data.
/// </summary>
public sealed class FeedProviderTests
{
    private static readonly string[] Feeds =
    [
        "/feeds/daily.json?limit=200",
        "/feeds/daily.json?source=arxiv&limit=200",
        "/feeds/daily.json?source=hf&min_votes=5&limit=200",
        "/feeds/daily.json?source=arxiv&cat=cs.CL,cs.RO&limit=200",
        "/feeds/daily.json?code=on&limit=200",
        "/feeds/categories/cs.AI.json?limit=200",
        "/feeds/trending.json?window=month&code=on",
    ];

    [Fact]
    public async Task PostgreSQL_lists_what_SQLite_lists_in_the_same_order()
    {
        var sqlite = await ItemsAsync(StoreProvider.Sqlite);
        var postgres = await ItemsAsync(StoreProvider.Postgres);

        foreach (var feed in Feeds)
        {
            Assert.NotEmpty(sqlite[feed]);
            Assert.True(sqlite[feed].SequenceEqual(postgres[feed]), $"{feed}: SQLite lists {string.Join(' ', sqlite[feed].Take(5))}…, PostgreSQL {string.Join(' ', postgres[feed].Take(5))}…");
        }
    }

    private static async Task<Dictionary<string, List<string>>> ItemsAsync(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await FeedSite.ImportAsync(store);
        await using var app = await RunningApp.StartAsync(store);
        var items = new Dictionary<string, List<string>>();
        foreach (var feed in Feeds)
        {
            var (_, parsed) = FeedItem.Parse("json", await app.Client.GetStringAsync(feed));
            items[feed] = [.. parsed.Select(i => $"{i.Id}:{i.Votes}")];
        }

        return items;
    }
}
