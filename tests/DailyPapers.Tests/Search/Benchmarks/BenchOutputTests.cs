using System.Text.Json;
using DailyPapers.Cli;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;

namespace DailyPapers.Tests.Search.Benchmarks;

public sealed class BenchOutputTests
{
    [Fact]
    public void Retrieval_json_has_one_object_per_mode_with_its_metrics_and_query_count()
    {
        var report = new RetrievalReport("nfcorpus", "test", RetrievalMeasure.Beir, 3633, EmbeddingModelKind.MiniLm, "cache", new LexicalOptions(), new HybridOptions(),
        [
            new ModeResult(SearchMode.Lexical, [new("ndcg@10", 0.32512), new("recall@100", 0.25)], 323, 1.5),
            new ModeResult(SearchMode.Hybrid, [new("ndcg@10", 0.35), new("recall@100", 0.3)], 323, 9),
        ]);

        using var json = JsonDocument.Parse(BenchRetrievalOutput.Json(report));

        var modes = json.RootElement.GetProperty("modes").EnumerateArray().ToDictionary(m => m.GetProperty("mode").GetString()!);
        Assert.Equal(["lexical", "hybrid"], modes.Keys);
        Assert.Equal(0.3251, modes["lexical"].GetProperty("ndcg@10").GetDouble());
        Assert.Equal(0.3, modes["hybrid"].GetProperty("recall@100").GetDouble());
        Assert.Equal(323, modes["hybrid"].GetProperty("queries").GetInt32());
        Assert.Equal("cache", json.RootElement.GetProperty("vectors").GetString());
    }

    [Fact]
    public void Search_json_has_p50_and_p99_per_mode_fts5_included_and_memory()
    {
        var report = new SearchLatencyReport(74_728, EmbeddingModelKind.MiniLm, "random",
            [LatencyResult.From("lexical", [1, 2, 3, 4]), LatencyResult.From("fts5", [5, 6]), LatencyResult.From("hybrid", [10, 20, 30])],
            200, ["diffusion models"], 512.4, 700, 100 << 20, 90 << 20, 115 << 20, 30, 0);

        using var json = JsonDocument.Parse(BenchSearchOutput.Json(report));

        var modes = json.RootElement.GetProperty("modes").EnumerateArray().ToDictionary(m => m.GetProperty("mode").GetString()!);
        Assert.Equal(["lexical", "fts5", "hybrid"], modes.Keys);
        Assert.Equal((2.0, 4.0, 4), (modes["lexical"].GetProperty("p50").GetDouble(), modes["lexical"].GetProperty("p99").GetDouble(), modes["lexical"].GetProperty("queries").GetInt32()));
        Assert.Equal(20.0, modes["hybrid"].GetProperty("p50").GetDouble());
        Assert.Equal(512, json.RootElement.GetProperty("rss_mb").GetDouble());
        Assert.Equal("random", json.RootElement.GetProperty("vectors").GetString());
    }
}
