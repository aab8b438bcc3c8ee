using DailyPapers.Infrastructure.Search.Benchmarks;

namespace DailyPapers.Tests.Search.Benchmarks;

public sealed class BeirDatasetTests
{
    [Fact]
    public void Load_reads_corpus_and_only_the_queries_judged_in_the_split()
    {
        var folder = BeirFolder.Create();

        var dataset = BeirDataset.Load(folder, "test");

        Assert.Equal(["d1", "d2", "3"], dataset.Corpus.Select(d => d.Id));
        Assert.Equal(("", "Green tea catechins and cancer cells."), (dataset.Corpus[2].Title, dataset.Corpus[2].Text));
        Assert.Equal(["q1", "q2", "q3"], dataset.Queries.Select(q => q.Id));
        Assert.Equal(2, dataset.Queries[0].Relevance["d1"]);
        Assert.Equal(new Dictionary<string, int> { ["3"] = 1, ["d2"] = 1 }, dataset.Queries[2].Relevance);
        Assert.Equal("test", dataset.Split);
    }

    [Fact]
    public void Load_with_a_missing_split_names_the_file_and_the_splits_there_are()
    {
        var folder = BeirFolder.Create();

        var error = Assert.Throws<FileNotFoundException>(() => BeirDataset.Load(folder, "dev"));

        Assert.Contains("dev.tsv", error.Message, StringComparison.Ordinal);
        Assert.Equal(["test"], BeirDataset.Splits(folder));
    }

    [Fact]
    public void Load_rejects_a_qrels_line_without_a_score_with_its_line_number()
    {
        var folder = BeirFolder.Create();
        File.AppendAllLines(Path.Combine(folder, "qrels", "test.tsv"), ["q1\td2"]);

        var error = Assert.Throws<FormatException>(() => BeirDataset.Load(folder, "test"));

        Assert.Contains("test.tsv:6", error.Message, StringComparison.Ordinal);
    }
}
