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
        var file = Path.Combine(TestData.NewTempDir(), "scaled.jsonl.gz");
        var count = await ScaledKaggleFile.WriteAsync(file, 6_000);

        using var stream = SourceFile.OpenRead(file);
        var items = KaggleSnapshotReader.Read(stream, "scaled.jsonl.gz", CancellationToken.None).ToList();

        Assert.Empty(items.OfType<RejectedItem>());
        Assert.Equal(count, items.OfType<PaperItem>().Select(p => p.Paper.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(1, 0, "1501.00001")]
    [InlineData(12, 1958, "1512.01959")]
    [InlineData(13, 4, "1601.00005")]
    public void Generated_ids_count_months_from_2015(int round, int index, string id) =>
        Assert.Equal(id, ScaledKaggleFile.GeneratedId(round, index));
}
