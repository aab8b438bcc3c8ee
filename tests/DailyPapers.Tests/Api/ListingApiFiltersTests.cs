using System.Net;
using System.Text.Json;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Api;

/// <summary>
/// Our additions to Hugging Face's parameters, on the arXiv fixture (nine listing days, with categories):
/// <c>from</c>/<c>to</c> and <c>cat</c> on <c>/api/daily_papers</c>, and <c>/api/papers/{id}/similar</c>.
/// </summary>
public sealed class ListingApiFiltersTests : IAsyncLifetime
{
    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var runner = new ImportRunner(new PaperWriter(_store.Factory, TimeProvider.System));
        await using (var arxiv = SourceFile.OpenRead(TestData.KaggleCs))
        {
            await runner.RunAsync(KaggleSnapshotReader.Read(arxiv, "cs.jsonl.gz", CancellationToken.None), () => default, null, CancellationToken.None);
        }

        _app = await RunningApp.StartAsync(_store);
        await _app.SearchReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task From_without_to_pages_through_every_paper_listed_since_that_day()
    {
        var expected = FixturePapers().Count(p => p.Listed == "19 Jun 2025");

        var first = await IdsAsync("/api/daily_papers?from=2025-06-19&limit=100");
        var second = await IdsAsync("/api/daily_papers?from=2025-06-19&limit=100&p=1");

        Assert.Equal(117, expected);
        Assert.Equal((100, expected - 100), (first.Count, second.Count));
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task From_and_to_include_both_days()
    {
        var expected = FixturePapers().Count(p => p.Listed is "18 Jun 2025" or "19 Jun 2025");
        var ids = new List<string>();
        for (var page = 0; page < 10; page++)
        {
            ids.AddRange(await IdsAsync($"/api/daily_papers?from=2025-06-18&to=2025-06-19&limit=100&p={page}"));
        }

        Assert.Equal(139 + 117, expected);
        Assert.Equal(expected, ids.Distinct().Count());
    }

    [Fact]
    public async Task Papers_not_from_hugging_face_have_timestamps_the_hugging_face_client_parses()
    {
        using var json = await JsonAsync("/api/daily_papers?date=2025-06-19&limit=5");

        foreach (var paper in json.RootElement.EnumerateArray().Select(i => i.GetProperty("paper")))
        {
            Assert.Equal("2025-06-19T00:00:00.000Z", paper.GetProperty("submittedOnDailyAt").GetString());
            Assert.True(HfClientDates.TryParse(paper.GetProperty("publishedAt").GetString()!, out _), paper.GetProperty("publishedAt").GetString());
        }
    }

    [Fact]
    public async Task Trending_over_a_range_open_at_its_end_answers()
    {
        var response = await _app.Client.GetAsync("/api/daily_papers?sort=trending&from=2025-06-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("cs.CL")]
    [InlineData("cs.cl")]
    [InlineData("eess.*")]
    public async Task Cat_keeps_the_papers_in_that_category_or_archive(string category)
    {
        var prefix = category.EndsWith(".*", StringComparison.Ordinal) ? category[..^1] : null;
        var expected = FixturePapers()
            .Where(p => p.Listed == "19 Jun 2025")
            .Count(p => p.Categories.Any(c => prefix is null ? c.Equals(category, StringComparison.OrdinalIgnoreCase) : c.StartsWith(prefix, StringComparison.Ordinal)));

        var ids = await IdsAsync($"/api/daily_papers?date=2025-06-19&cat={category}&limit=100");

        Assert.InRange(expected, 1, 116);
        Assert.Equal(expected, ids.Count);
    }

    [Theory]
    [InlineData("/api/daily_papers?cat=!!", "cat")]
    [InlineData("/api/daily_papers?from=2025-06-20&to=2025-06-19", "from")]
    [InlineData("/api/daily_papers?from=2025-13-45", "from")]
    [InlineData("/api/daily_papers?to=soon", "to")]
    [InlineData("/api/daily_papers?date=2025-06-19&from=2025-06-01", "from")]
    [InlineData("/api/papers/2506.06854/similar?limit=0", "limit")]
    [InlineData("/api/daily_papers?from=2024-01-01&to=2025-06-19", "from and to may span at most 366 days")]
    [InlineData("/api/daily_papers?from=9999-12-31", "from")]
    [InlineData("/api/daily_papers?to=9500-01-01", "to")]
    [InlineData("/api/daily_papers?cat=a1,a2,a3,a4,a5,a6,a7,a8,a9,b1,b2,b3,b4,b5,b6,b7,b8,b9,c1,c2,c3", "cat takes at most 20")]
    public async Task A_malformed_parameter_is_a_400_that_names_it(string url, string parameter)
    {
        var response = await _app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_lists_other_papers_closest_first()
    {
        var ids = await IdsAsync("/api/papers/2506.06854/similar?limit=5", item => item.GetProperty("id").GetString()!);

        Assert.Equal(5, ids.Count);
        Assert.DoesNotContain("2506.06854", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Similar_of_an_unknown_paper_is_a_404()
    {
        var response = await _app.Client.GetAsync("/api/papers/2506.99999/similar");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonDocument> JsonAsync(string url) => JsonDocument.Parse(await _app.Client.GetStringAsync(url));

    private async Task<List<string>> IdsAsync(string url, Func<JsonElement, string>? id = null)
    {
        using var json = await JsonAsync(url);
        return [.. json.RootElement.EnumerateArray().Select(id ?? (item => item.GetProperty("paper").GetProperty("id").GetString()!))];
    }

    /// <summary>The fixture's papers as plain JSON says: first listing day ("19 Jun 2025") and categories.</summary>
    private static IEnumerable<(string Listed, string[] Categories)> FixturePapers()
    {
        foreach (var line in TestData.KaggleCsLines())
        {
            using var paper = JsonDocument.Parse(line);
            var created = paper.RootElement.GetProperty("versions")[0].GetProperty("created").GetString()!;
            yield return (created[5..16], paper.RootElement.GetProperty("categories").GetString()!.Split(' '));
        }
    }
}
