using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Search.Benchmarks;

public sealed class RetrievalBenchTests
{
    [Fact]
    public void Run_in_lexical_mode_scores_the_rankings_of_the_real_index()
    {
        var task = RetrievalTask.From(BeirDataset.Load(BeirFolder.Create(), "test"));

        var report = RetrievalBench.Run(
            task, [SearchMode.Lexical], new LexicalOptions(), new EmbeddingOptions(), new HybridOptions(), TestData.NewTempDir(), null, CancellationToken.None);

        // q1 and q2 find their one document first; q3 finds "3" first and never d2 (no shared word).
        var ndcgQ3 = 1 / (1 + (1 / Math.Log2(3)));
        var lexical = Assert.Single(report.Modes);
        Assert.Equal((SearchMode.Lexical, 3, "none"), (lexical.Mode, lexical.Queries, report.Vectors));
        Assert.Equal((1 + 1 + ndcgQ3) / 3, lexical["ndcg@10"], 1e-9);
        Assert.Equal((1 + 1 + 0.5) / 3, lexical["recall@100"], 1e-9);
    }

    [Fact]
    public void Score_for_known_items_gives_reciprocal_rank_and_recall_at_10()
    {
        var wanted = new Dictionary<string, int> { ["a"] = 1 };
        IReadOnlyList<string> second = ["b", "a"];
        IReadOnlyList<string> missing = ["b", "c"];

        var metrics = RetrievalBench.Score(RetrievalMeasure.KnownItem, [(new BenchQuery("1", "x", wanted), second), (new BenchQuery("2", "y", wanted), missing)]);

        Assert.Equal([("mrr@10", 0.25), ("recall@10", 0.5)], metrics.Select(m => (m.Name, m.Value)));
    }

    [Fact]
    public void VectorCache_round_trips_and_is_named_by_the_texts_the_model_and_the_token_limit()
    {
        var folder = TestData.NewTempDir();
        BenchDocument[] documents = [new("a", "Title", "Text"), new("b", "Other", "")];
        var path = VectorCache.PathFor(folder, documents, EmbeddingModelKind.MiniLm, 256);
        var random = new Random(1);
        List<(string, float[])> vectors = [("a", BenchVectors.UnitVector(random, 384)), ("b", BenchVectors.UnitVector(random, 384))];

        VectorCache.Write(path, vectors);
        var read = VectorCache.TryRead(path);

        Assert.NotNull(read);
        Assert.Equal(vectors.Select(v => v.Item1), read.Select(v => v.Id));
        Assert.Equal(vectors[1].Item2, read[1].Vector);
        Assert.Equal(1.0, Math.Sqrt(read[0].Vector.Sum(x => (double)x * x)), 1e-5);
        Assert.NotEqual(path, VectorCache.PathFor(folder, documents, EmbeddingModelKind.ArcticXs, 256));
        Assert.NotEqual(path, VectorCache.PathFor(folder, [documents[0], documents[1] with { Text = "changed" }], EmbeddingModelKind.MiniLm, 256));
        Assert.NotEqual(path, VectorCache.PathFor(folder, documents, EmbeddingModelKind.MiniLm, 128));
    }
}
