using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Search.Benchmarks;

/// <summary>The retrieval bench on real BEIR files: a cut of NFCorpus (15 test queries, their judged documents, as many unjudged).</summary>
public sealed class NfCorpusCutTests
{
    private static readonly string Folder = TestData.Path("beir", "nfcorpus-tiny");

    [Fact]
    public void Load_reads_every_document_and_every_judged_query_of_the_real_files()
    {
        var dataset = BeirDataset.Load(Folder, "test");

        var judgedQueries = File.ReadLines(Path.Combine(Folder, "qrels", "test.tsv")).Skip(1).Select(row => row.Split('\t')[0]).Distinct();
        Assert.Equal(File.ReadLines(Path.Combine(Folder, "corpus.jsonl")).Count(), dataset.Corpus.Count);
        Assert.Equal(judgedQueries.Order(StringComparer.Ordinal), dataset.Queries.Select(q => q.Id).Order(StringComparer.Ordinal));
        Assert.All(dataset.Corpus, d => Assert.False(string.IsNullOrWhiteSpace(d.Text)));
    }

    [Fact]
    public void Lexical_search_ranks_judged_documents_far_above_chance()
    {
        var task = RetrievalTask.From(BeirDataset.Load(Folder, "test"));
        var cache = TestData.NewTempDir();

        var report = RetrievalBench.Run(
            task, [SearchMode.Lexical], new LexicalOptions(), new EmbeddingOptions(), new HybridOptions(), cache, null, CancellationToken.None);
        Directory.Delete(cache, recursive: true);

        // BM25 scores 0.53 on this cut; a ranking blind to the words would score about 0.05 (each query has about 9
        // judged documents among 276).
        Assert.InRange(Assert.Single(report.Modes)["ndcg@10"], 0.4, 1.0);
    }
}
