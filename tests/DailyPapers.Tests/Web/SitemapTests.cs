using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using DailyPapers.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Web;

/// <summary>
/// <c>/robots.txt</c> and the sitemap through the real app. Files are cut at <see cref="PerFile"/> URLs instead of
/// 50,000, so a few hundred fixture papers (two Hugging Face days, every fifth paper of the arXiv cut, two old-style
/// ids) fill several files; each answer is checked against the rules of the sitemaps.org protocol.
/// </summary>
public sealed partial class SitemapTests
{
    private const int PerFile = 100;

    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly Dictionary<string, string?> SmallFiles = new() { ["Web:SitemapUrlsPerFile"] = PerFile.ToString(CultureInfo.InvariantCulture) };

    [Fact]
    public void A_sitemap_file_holds_the_protocols_50000_urls_by_default()
    {
        Assert.Equal(50_000, new WebOptions().SitemapUrlsPerFile);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task The_files_of_the_index_name_every_visible_paper_and_listing_page_once(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await ImportHfDayAsync(store, "2025-06-10");
        await ImportHfDayAsync(store, "2024-12-03");
        var arxiv = TestData.KaggleCsLines().Where((_, i) => i % 5 == 0).ToList();
        await ImportKaggleAsync(store, arxiv);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [SamplePapers.Item("hep-th/9901001", listedOn: new DateOnly(1999, 1, 4)), SamplePapers.Item("astro-ph/0001001", listedOn: new DateOnly(2000, 1, 3))],
            CancellationToken.None);
        // Withdrawn by arXiv; from the middle of the papers, so that the first file is short of the hidden paper only.
        var withdrawn = arxiv.Select(IdOf).Order(StringComparer.Ordinal).ElementAt(arxiv.Count / 2);
        await ExecuteAsync(store, $"UPDATE papers SET is_deleted = TRUE WHERE id = '{withdrawn}'");
        await using var app = await RunningApp.StartAsync(store, SmallFiles);
        // The only paper of 1999-01-04, so that day, its week and its month have no page left either.
        Assert.True(await app.Services.GetRequiredService<PaperModeration>().SetHiddenAsync(ArxivId.Parse("hep-th/9901001"), true, CancellationToken.None));
        var expected = await ExpectedAsync(store);

        var files = await IndexAsync(app);
        var listed = new Dictionary<SitemapFileKind, List<(string Path, string? LastModified)>>();
        foreach (var file in files)
        {
            Assert.True(SitemapFile.TryParse(file.AbsolutePath["/sitemaps/".Length..], out var named), file.AbsolutePath);
            var urls = await UrlSetAsync(app, file.PathAndQuery);
            Assert.InRange(urls.Count, 1, PerFile);
            listed.TryAdd(named.Kind, []);
            listed[named.Kind].AddRange(urls.Select(u => (new Uri(u.Location).AbsolutePath, u.LastModified)));
        }

        Assert.Equal(FileNames("papers", (expected.Stored + PerFile - 1) / PerFile), files.Where(IsOf("papers")).Select(f => f.AbsolutePath));
        Assert.Equal(["/sitemaps/days-1.xml", "/sitemaps/weeks-1.xml", "/sitemaps/months-1.xml"], files.Where(f => !IsOf("papers")(f)).Select(f => f.AbsolutePath));
        var papers = listed[SitemapFileKind.Papers];
        // Old-style ids first, then new-style ones, each in id order: a newer paper always goes last.
        Assert.Equal(expected.Papers.Select(p => "/papers/" + p.Id), papers.Select(p => p.Path));
        Assert.Equal(expected.Papers.Select(p => p.LastModified), papers.Select(p => p.LastModified));
        Assert.DoesNotContain("/papers/hep-th/9901001", papers.Select(p => p.Path));
        Assert.DoesNotContain("/papers/" + withdrawn, papers.Select(p => p.Path));
        Assert.Equal(PerFile - 1, (await UrlSetAsync(app, "/sitemaps/papers-1.xml")).Count);
        Assert.Equal(expected.Days, listed[SitemapFileKind.Days]);
        Assert.Equal(expected.Weeks, listed[SitemapFileKind.Weeks].Select(p => p.Path));
        Assert.Equal(expected.Months, listed[SitemapFileKind.Months].Select(p => p.Path));
        Assert.DoesNotContain("/papers/date/1999-01-04", listed[SitemapFileKind.Days].Select(d => d.Path));
        Assert.Contains(("/papers/date/2000-01-03", (string?)null), listed[SitemapFileKind.Days]);
    }

    [Fact]
    public async Task Listing_pages_cut_three_to_a_file_follow_one_another_oldest_first()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        foreach (var day in Directory.GetFiles(TestData.Path("hf-daily-papers"), "*.json"))
        {
            await ImportHfDayAsync(store, Path.GetFileNameWithoutExtension(day));
        }

        await using var app = await RunningApp.StartAsync(store, new Dictionary<string, string?> { ["Web:SitemapUrlsPerFile"] = "3" });
        var expected = await ExpectedAsync(store);
        var files = await IndexAsync(app);

        foreach (var (kind, pages) in new[] { ("days", expected.Days.Select(d => d.Path).ToList()), ("weeks", expected.Weeks), ("months", expected.Months) })
        {
            var count = (pages.Count + 2) / 3;
            Assert.Equal(FileNames(kind, count), files.Where(IsOf(kind)).Select(f => f.AbsolutePath));
            var listed = new List<string>();
            foreach (var file in FileNames(kind, count))
            {
                var urls = await UrlSetAsync(app, file);
                Assert.InRange(urls.Count, 1, 3);
                listed.AddRange(urls.Select(u => new Uri(u.Location).AbsolutePath));
            }

            Assert.Equal(pages, listed);
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/sitemaps/{kind}-{count + 1}.xml")).StatusCode);
        }

        Assert.Equal(15, expected.Days.Count);
    }

    [Fact]
    public async Task Newer_papers_change_the_last_paper_file_and_leave_the_ones_before_it_as_they_were()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var byId = TestData.KaggleCsLines().Take(450).OrderBy(IdOf, StringComparer.Ordinal).ToList();
        await ImportKaggleAsync(store, byId.Take(350));
        await using var app = await RunningApp.StartAsync(store, SmallFiles);
        var before = await PaperFilesAsync(app);

        await ImportKaggleAsync(store, byId.Skip(350));
        app.Services.GetRequiredService<StoreVersion>().Changed();
        var after = await PaperFilesAsync(app);

        Assert.Equal(4, before.Count);
        Assert.Equal(5, after.Count);
        Assert.Equal(before.Take(3), after.Take(3));
        Assert.NotEqual(before[3], after[3]);
    }

    [Fact]
    public async Task A_file_past_the_end_or_a_name_that_is_no_file_is_not_found()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await ImportKaggleAsync(store, TestData.KaggleCsLines().Take(150));
        await using var app = await RunningApp.StartAsync(store, SmallFiles);

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/sitemaps/papers-2.xml")).StatusCode);
        foreach (var name in new[] { "papers-3.xml", "days-2.xml", "weeks-2.xml", "months-2.xml", "papers-0.xml", "papers-01.xml", "papers--1.xml",
                     "papers-x.xml", "papers-1", "papers-1.xml.gz", "Papers-1.xml", "pages-1.xml", "papers-99999999999.xml" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/sitemaps/" + name)).StatusCode);
        }
    }

    [Fact]
    public async Task An_empty_store_has_an_index_without_files()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(store);

        Assert.Empty(await IndexAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/sitemaps/days-1.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/sitemaps/papers-1.xml")).StatusCode);
    }

    [Fact]
    public async Task The_index_is_served_from_the_cache_until_the_store_changes()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await ImportKaggleAsync(store, TestData.KaggleCsLines().Take(150));
        await using var app = await RunningApp.StartAsync(store, SmallFiles);

        Assert.Null((await app.Client.GetAsync("/sitemap.xml")).Headers.Age);
        Assert.NotNull((await app.Client.GetAsync("/sitemap.xml")).Headers.Age);
        await ImportKaggleAsync(store, TestData.KaggleCsLines().Skip(150).Take(100));
        app.Services.GetRequiredService<StoreVersion>().Changed();
        Assert.Equal(3, (await IndexAsync(app)).Count(IsOf("papers")));
    }

    [Fact]
    public async Task A_host_too_long_for_sitemap_addresses_is_a_bad_request()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(store);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        request.Headers.Host = string.Join('.', Enumerable.Repeat(new string('a', 60), 9));

        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Robots_txt_opens_the_pages_and_closes_what_is_private_endless_or_a_copy()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(store);

        var response = await app.Client.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Equal($"Sitemap: {new Uri(app.BaseAddress, "/sitemap.xml")}", lines[^1]);
        var rules = lines.Where(l => l.StartsWith("Disallow: ", StringComparison.Ordinal)).Select(l => RobotsPattern(l["Disallow: ".Length..])).ToList();
        Assert.All(
            ["/", "/papers/date/2025-06-10", "/papers/date/2025-06-10?source=hf&page=2", "/papers/week/2025-W24", "/papers/month/2025-06",
             "/papers/trending?window=week", "/papers/2506.01234", "/papers/hep-th/9901001", "/users/ada", "/sitemap.xml",
             "/sitemaps/papers-1.xml", "/css/site.css"],
            path => Assert.False(rules.Any(rule => rule.IsMatch(path)), $"{path} is disallowed"));
        Assert.All(
            ["/search?q=diffusion", "/papers/date/2025-06-10?q=diffusion", "/papers/week/2025-W24?source=hf&q=diffusion", "/papers/2506.01234.md",
             "/papers/hep-th/9901001.md", "/papers/submit", "/api/papers?limit=50", "/api/daily_papers", "/account", "/account/signin", "/admin",
             "/subscribe", "/subscriptions/manage?token=abc", "/subscriptions/unsubscribe?token=abc"],
            path => Assert.True(rules.Any(rule => rule.IsMatch(path)), $"{path} is allowed"));
    }

    /// <summary>A robots.txt path pattern as RFC 9309 matches it: from the start of the path, <c>*</c> any characters, a final <c>$</c> the end.</summary>
    private static Regex RobotsPattern(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = Regex.Escape(anchored ? pattern[..^1] : pattern).Replace(@"\*", ".*", StringComparison.Ordinal);
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant);
    }

    private static async Task<List<Uri>> IndexAsync(RunningApp app)
    {
        var root = await SitemapDocumentAsync(app, "/sitemap.xml", "sitemapindex", "sitemap");
        return [.. root.Elements().Select(e => new Uri(e.Element(Sitemaps + "loc")!.Value))];
    }

    private static async Task<List<(string Location, string? LastModified)>> UrlSetAsync(RunningApp app, string path)
    {
        var root = await SitemapDocumentAsync(app, path, "urlset", "url");
        return [.. root.Elements().Select(e => (e.Element(Sitemaps + "loc")!.Value, e.Element(Sitemaps + "lastmod")?.Value))];
    }

    private static async Task<List<string>> PaperFilesAsync(RunningApp app)
    {
        var files = new List<string>();
        foreach (var file in (await IndexAsync(app)).Where(IsOf("papers")))
        {
            files.Add(await app.Client.GetStringAsync(file));
        }

        return files;
    }

    /// <summary>
    /// The document at <paramref name="path"/>, checked against what the protocol asks of it: UTF-8 XML, the root and
    /// child elements in its namespace, each child a <c>loc</c> (absolute, of this site, at most 2,048 characters)
    /// and at most a <c>lastmod</c> in W3C Datetime; every <c>&amp;</c> escaped; under 50 MB.
    /// </summary>
    private static async Task<XElement> SitemapDocumentAsync(RunningApp app, string path, string rootName, string childName)
    {
        var response = await app.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 1, 50 * 1024 * 1024);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(BareAmpersand(), text);
        var root = XDocument.Parse(text).Root!;
        Assert.Equal(Sitemaps + rootName, root.Name);
        foreach (var child in root.Elements())
        {
            Assert.Equal(Sitemaps + childName, child.Name);
            Assert.All(child.Elements(), e => Assert.True(e.Name.LocalName is "loc" or "lastmod", e.Name.LocalName));
            Assert.All(child.Elements(), e => Assert.Equal(Sitemaps, e.Name.Namespace));
            var location = Assert.Single(child.Elements(Sitemaps + "loc")).Value;
            Assert.InRange(location.Length, 12, 2048);
            Assert.True(Uri.TryCreate(location, UriKind.Absolute, out var uri), location);
            Assert.Equal(app.BaseAddress.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority));
            Assert.Equal(uri.AbsoluteUri, location);
            if (child.Element(Sitemaps + "lastmod") is { } lastModified)
            {
                Assert.Matches(W3cDateTime(), lastModified.Value);
            }
        }

        return root;
    }

    private static Func<Uri, bool> IsOf(string kind) => file => file.AbsolutePath.StartsWith($"/sitemaps/{kind}-", StringComparison.Ordinal);

    private static IEnumerable<string> FileNames(string kind, int count) => Enumerable.Range(1, count).Select(n => $"/sitemaps/{kind}-{n}.xml");

    /// <summary>What the store holds, read through EF rather than the queries under test.</summary>
    private static async Task<Expected> ExpectedAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        var stored = await context.Papers.CountAsync();
        var visible = await context.Papers.Where(p => !p.IsHidden && !p.IsDeleted)
            .Select(p => new { p.Id, p.SubmittedAt, p.UpdatedAt }).ToListAsync();
        var papers = visible
            .OrderBy(p => p.Id.Contains('/', StringComparison.Ordinal) ? 0 : 1).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => (p.Id, Time(p.UpdatedAt ?? p.SubmittedAt)))
            .ToList();
        var listings = await context.Listings.Where(l => !l.Paper!.IsHidden && !l.Paper.IsDeleted)
            .Select(l => new { l.Day, l.ListedAt }).ToListAsync();
        var byDay = listings.GroupBy(l => l.Day).OrderBy(g => g.Key).ToList();
        var days = byDay.Select(g => (ListingPeriod.Day(g.Key).Path, Time(g.Max(l => l.ListedAt)))).ToList();
        var weeks = byDay.Select(g => ListingPeriod.WeekOf(g.Key).Path).Distinct().ToList();
        var months = byDay.Select(g => ListingPeriod.MonthOf(g.Key).Path).Distinct().ToList();
        return new Expected(stored, papers, days, weeks, months);
    }

    private static string IdOf(string kaggleLine) => JsonDocument.Parse(kaggleLine).RootElement.GetProperty("id").GetString()!;

    private static string? Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task ImportHfDayAsync(TestStore store, string day)
    {
        var input = ImportInput.Open(SourceKind.HfDaily, TestData.Path("hf-daily-papers", day + ".json"));
        await new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System))
            .RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None);
    }

    private static async Task ImportKaggleAsync(TestStore store, IEnumerable<string> lines)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        await new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System))
            .RunAsync(KaggleSnapshotReader.Read(input, "cs.jsonl", CancellationToken.None), () => default, null, CancellationToken.None);
    }

    private static async Task ExecuteAsync(TestStore store, string sql)
    {
        await using var context = store.Factory.CreateContext();
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    [GeneratedRegex("&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")]
    private static partial Regex BareAmpersand();

    // The protocol's W3C Datetime forms: a date, or a date and time with seconds and a zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")]
    private static partial Regex W3cDateTime();

    private sealed record Expected(
        int Stored,
        List<(string Id, string? LastModified)> Papers,
        List<(string Path, string? LastModified)> Days,
        List<string> Weeks,
        List<string> Months);
}
