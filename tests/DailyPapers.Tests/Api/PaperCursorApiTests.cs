using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Api;

/// <summary>
/// <c>GET /api/papers?cursor=&amp;limit=</c> walked as Hugging Face's client walks a paginated endpoint, following
/// <c>Link: &lt;…&gt;; rel="next"</c>, on both databases: a Hugging Face day (distinct times), 300 arXiv listings
/// (many papers share a time, so ties are broken by id) and two papers without a time, which come last.
/// </summary>
public sealed partial class PaperCursorApiTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Following_the_next_links_visits_every_paper_once_newest_first(StoreProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await using var app = await RunningApp.StartAsync(store);

        var (ids, times, pages) = await WalkAsync(app, "/api/papers?limit=37");

        await using var context = store.Factory.CreateContext();
        Assert.Equal(await context.Papers.CountAsync(), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((ids.Count + 36) / 37, pages);
        var dated = times.TakeWhile(t => t is not null).Select(t => t!.Value).ToList();
        Assert.Equal(dated.OrderByDescending(t => t), dated);
        Assert.Equal(["2506.05360", "2506.05358"], ids[^2..]);
        Assert.All(times[^2..], t => Assert.Null(t));
    }

    [Theory]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("cursor=cDF8LXw", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    public async Task A_malformed_cursor_or_limit_is_a_400_that_names_it(string parameter, string name)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(store);

        var response = await app.Client.GetAsync("/api/papers?" + parameter);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(List<string> Ids, List<DateTime?> Times, int Pages)> WalkAsync(RunningApp app, string first)
    {
        var (ids, times, pages) = (new List<string>(), new List<DateTime?>(), 0);
        for (string? url = first; url is not null && pages < 100; pages++)
        {
            using var response = await app.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var paper in json.RootElement.EnumerateArray())
            {
                ids.Add(paper.GetProperty("id").GetString()!);
                times.Add(paper.GetProperty("publishedAt").ValueKind == JsonValueKind.Null ? null : paper.GetProperty("publishedAt").GetDateTime());
            }

            url = response.Headers.TryGetValues("Link", out var links) && NextLink().Match(links.Single()) is { Success: true } next
                ? next.Groups[1].Value
                : null;
        }

        return (ids, times, pages);
    }

    private static async Task<TestStore> StoreAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        var runner = new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System));
        var day = ImportInput.Open(SourceKind.HfDaily, TestData.Path("hf-daily-papers", "2025-06-10.json"));
        await runner.RunAsync(day.ReadAll(CancellationToken.None), () => day.Progress, null, CancellationToken.None);
        using var arxiv = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', TestData.KaggleCsLines().Take(300))));
        await runner.RunAsync(KaggleSnapshotReader.Read(arxiv, "cs.jsonl", CancellationToken.None), () => default, null, CancellationToken.None);
        await using var context = store.Factory.CreateContext();
        // A source without dates (none of arXiv's lacks them, but a hand-made file may): these come last, by id.
        await context.Database.ExecuteSqlRawAsync("UPDATE papers SET submitted_at = NULL WHERE id IN ('2506.05358', '2506.05360')");
        return store;
    }

    [GeneratedRegex("^<([^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();
}
