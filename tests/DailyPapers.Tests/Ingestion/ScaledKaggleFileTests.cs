using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Ingestion;

/// <summary>The large inputs of the kill tests, made from the arXiv fixture: every line a paper with an id of its own.</summary>
public sealed class ScaledKaggleFileTests
{
    [Fact]
    public async Task A_file_three_times_the_fixture_parses_into_distinct_papers_without_rejections()
    {
        var folder = TestData.NewTempDir();
        var file = Path.Combine(folder, "scaled.jsonl.gz");
        var count = await ScaledKaggleFile.WriteAsync(file, 6_000);

        List<SourceItem> items;
        using (var stream = SourceFile.OpenRead(file))
        {
            items = KaggleSnapshotReader.Read(stream, "scaled.jsonl.gz", CancellationToken.None).ToList();
        }

        Directory.Delete(folder, recursive: true);

        Assert.Empty(items.OfType<RejectedItem>());
        Assert.Equal(count, items.OfType<PaperItem>().Select(p => p.Paper.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(1, 0, "1501.90001")]
    [InlineData(12, 1958, "1512.91959")]
    [InlineData(13, 4, "1601.90005")]
    [InlineData(120, 0, "2412.90001")]
    public void Generated_ids_count_months_from_2015_with_numbers_no_real_paper_has(int round, int index, string id) =>
        Assert.Equal(id, ScaledKaggleFile.GeneratedId(round, index));

    [Fact]
    public void Past_2024_there_are_no_generated_ids_left() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaledKaggleFile.GeneratedId(121, 0));
}
