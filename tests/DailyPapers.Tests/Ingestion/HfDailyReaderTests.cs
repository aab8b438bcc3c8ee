using System.Text;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Ingestion;

public sealed class HfDailyReaderTests
{
    [Fact]
    public void The_fixture_days_of_both_schemas_parse_into_one_listed_paper_per_item_without_rejections()
    {
        var items = Directory.GetFiles(HfDaysFixture.Folder, "*.json").SelectMany(ReadFile).ToList();

        Assert.Empty(items.OfType<RejectedItem>().Take(5));
        Assert.Equal(323, HfDaysFixture.Count().Items);
        Assert.Equal(323, items.OfType<PaperItem>().Count(p => p.Listing is { Source: ListingSource.Hf }));
    }

    [Fact]
    public void Each_item_is_listed_on_the_day_in_the_file_name()
    {
        var items = ReadFile(TestData.Path("hf-daily-papers", "2025-09-30.json"));

        Assert.All(items, i => Assert.Equal(new DateOnly(2025, 9, 30), Assert.IsType<PaperItem>(i).Listing!.Day));
    }

    [Theory]
    [InlineData("hf_api_daily_papers_date-2024-05-27.json")]
    [InlineData("hf_api_daily_papers_date-2026-08-21.json")]
    public void The_protocol_samples_parse_without_rejections(string fileName)
    {
        var items = ReadFile(TestData.Path("protocol-samples", fileName));

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.IsType<PaperItem>(i));
    }

    [Fact]
    public void A_2026_item_keeps_its_links_stars_AI_summary_and_listing()
    {
        var item = Assert.IsType<PaperItem>(ReadFile(TestData.Path("hf-daily-papers", "2026-08-21.json"))[0]);

        Assert.Equal("2026-08-21.json#1 (2608.19880)", item.Location);
        // The item is kept whole, as served, for the API to answer with.
        using (var kept = JsonDocument.Parse(item.Listing!.HfItem!))
        {
            Assert.Equal("google", kept.RootElement.GetProperty("organization").GetProperty("name").GetString());
            Assert.Equal("6a87afc589e517cbfd75dbe0", kept.RootElement.GetProperty("paper").GetProperty("discussionId").GetString());
        }

        Assert.Equal(("https://github.com/google-research/envharness", 8, "https://envharness.com/"),
            (item.Paper.GithubRepo, item.Paper.GithubStars, item.Paper.ProjectPage));
        Assert.Contains("EnvRigger", item.Paper.AiKeywords);
        Assert.StartsWith("EnvHarness and EnvRigger dynamically reshape", item.Paper.AiSummary);
        Assert.Equal(17, item.Paper.Authors.Count);
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 0, 0, 0, TimeSpan.Zero), item.Paper.SubmittedAt);
        Assert.Equal(
            new ListingRecord(new DateOnly(2026, 8, 21), ListingSource.Hf)
            {
                Upvotes = 163,
                NumComments = 1,
                SubmittedBy = "taesiri",
                ListedAt = new DateTimeOffset(2026, 8, 21, 0, 0, 0, TimeSpan.Zero),
                ThumbnailUrl = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.19880.png",
            },
            item.Listing! with { HfItem = null });
    }

    [Fact]
    public void A_2024_item_takes_its_thumbnail_from_mediaUrl_and_its_listing_time_from_publishedAt()
    {
        var item = Assert.IsType<PaperItem>(ReadFile(TestData.Path("hf-daily-papers", "2024-05-27.json"))[0]);

        Assert.Equal("2405.15738", item.Paper.Id.Value);
        Assert.Equal("ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models", item.Paper.Title);
        Assert.Equal(
            new ListingRecord(new DateOnly(2024, 5, 27), ListingSource.Hf)
            {
                Upvotes = 32,
                NumComments = 3,
                ListedAt = new DateTimeOffset(2024, 5, 27, 3, 50, 58, 348, TimeSpan.Zero),
                ThumbnailUrl = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2405.15738.png",
            },
            item.Listing! with { HfItem = null });
    }

    [Fact]
    public void Without_a_date_in_the_file_name_the_day_comes_from_submittedOnDailyAt_then_publishedAt()
    {
        const string Json = """
            [{"paper": {"id": "2401.00001", "title": "T", "summary": "S", "submittedOnDailyAt": "2024-01-03T00:00:00.000Z"}, "publishedAt": "2024-01-02T23:00:00.000Z"},
             {"paper": {"id": "2401.00002", "title": "T", "summary": "S"}, "publishedAt": "2024-01-02T23:00:00.000Z"}]
            """;

        var days = Read(Json, "daily.json").Cast<PaperItem>().Select(p => p.Listing!.Day).ToList();

        Assert.Equal([new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 2)], days);
    }

    [Fact]
    public void A_file_that_is_not_an_array_is_one_rejection_naming_the_file()
    {
        var rejected = Assert.IsType<RejectedItem>(Read("""{"error": "Invalid date"}""", "2024-05-27.json").Single());

        Assert.Equal(("2024-05-27.json", "expected a JSON array of daily-paper items, found an object"), (rejected.Location, rejected.Reason));
    }

    [Fact]
    public void A_bad_item_is_rejected_alone()
    {
        const string Json = """[{"title": "no paper"}, 42, {"paper": {"id": "2401.00002", "title": "T", "summary": "S"}}]""";

        var items = Read(Json, "2024-01-02.json");

        Assert.Equal(("2024-01-02.json#1", "the item has no \"paper\" object"), Reason(items[0]));
        Assert.Equal(("2024-01-02.json#2", "expected a daily-paper object, found a number"), Reason(items[1]));
        Assert.IsType<PaperItem>(items[2]);
    }

    [Fact]
    public void Broken_JSON_keeps_the_items_before_it_and_says_where_reading_stopped()
    {
        const string Json = """[{"paper": {"id": "2401.00002", "title": "T", "summary": "S"}}, {"paper": {"id": ]""";

        var items = Read(Json, "2024-01-02.json");

        Assert.IsType<PaperItem>(items[0]);
        var (location, reason) = Reason(items[1]);
        Assert.Equal("2024-01-02.json#2", location);
        Assert.Matches("^malformed JSON: .*; records after #1 were not read$", reason);
    }

    [Fact]
    public void A_truncated_gzip_keeps_the_items_before_the_cut_and_ends_with_one_rejection()
    {
        var path = IngestionFixtures.WriteTruncatedGzip("2024-05-27.json.gz", File.ReadAllBytes(TestData.Path("hf-daily-papers", "2024-05-27.json")));

        var items = ReadFile(path);

        var papers = items.OfType<PaperItem>().Count();
        Assert.InRange(papers, 1, items.Count - 1);
        Assert.Equal(
            ($"2024-05-27.json.gz#{papers + 1}", $"the file ends early (truncated gzip?): records after #{papers} were not read"),
            Reason(Assert.Single(items.OfType<RejectedItem>())));
    }

    private static List<SourceItem> ReadFile(string path)
    {
        using var stream = SourceFile.OpenRead(path);
        return HfDailyReader.Read(stream, Path.GetFileName(path), CancellationToken.None).ToList();
    }

    private static List<SourceItem> Read(string json, string fileName) =>
        HfDailyReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), fileName, CancellationToken.None).ToList();

    private static (string Location, string Reason) Reason(SourceItem item) =>
        Assert.IsType<RejectedItem>(item) is var r ? (r.Location, r.Reason) : default;
}
