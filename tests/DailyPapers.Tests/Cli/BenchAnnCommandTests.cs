using System.Text.Json;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Cli;

/// <summary>
/// <c>bench ann</c> as the scale benchmark runs it, at a size a test affords: a generated corpus imported, vectors
/// derived from its sources' real embeddings stored, then the site's vector index measured against the exact scan.
/// </summary>
public sealed class BenchAnnCommandTests
{
    [Fact]
    public async Task Derived_vectors_are_stored_for_every_generated_paper_and_the_rescored_graph_finds_the_exact_ten()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var source = TestData.Path("kaggle-snapshot-sample", "arxiv-metadata-oai-snapshot.first200.jsonl");
        var corpus = Path.Combine(store.DataDirectory, "corpus.jsonl");
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "bench", "corpus", "--papers", "1500", "--out", corpus, "--source", source)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "import", "kaggle", corpus)).ExitCode);

        var (exitCode, output) = await CliProcess.RunAsync(
            store.Settings, "bench", "ann", "--fill-derived", source, "--corpus-papers", "1500", "--queries", "30", "--category", "math.CO", "--month", "2012-05", "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains("stored 1,500 vectors derived from the real vectors", output, StringComparison.Ordinal);
        // The report on stdout, between the progress lines on stderr.
        var start = output.IndexOf("{\n", StringComparison.Ordinal);
        using var report = JsonDocument.Parse(output[start..(output.IndexOf("\n}", start, StringComparison.Ordinal) + 2)]);
        var root = report.RootElement;
        Assert.Equal(1500, root.GetProperty("vectors").GetInt64());
        var recalls = root.GetProperty("recalls").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("recallAt10").GetDouble());
        // A generated corpus this small is full of near-twins (1,500 papers from 200 sources), hard on any graph.
        Assert.InRange(recalls["graph 100 + exact rescoring"], 0.95, 1.0);
        Assert.InRange(recalls["graph only, k=10"], 0.5, 1.0);
        // Under 20,000 passing papers the filter's papers are scored one by one: exact.
        Assert.Equal(1.0, recalls["filter: math.CO"]);

        // The same store, searched as the site serves it: its saved graph and Lucene index, queries from its papers.
        var (searchExit, searchOutput) = await CliProcess.RunAsync(store.Settings, "bench", "search", "--store", "--queries", "20", "--warm-up", "5", "--json");
        Assert.Equal(0, searchExit);
        var searchStart = searchOutput.IndexOf("{\n", StringComparison.Ordinal);
        using var latency = JsonDocument.Parse(searchOutput[searchStart..(searchOutput.IndexOf("\n}", searchStart, StringComparison.Ordinal) + 2)]);
        Assert.Equal(1500, latency.RootElement.GetProperty("papers").GetInt32());
        Assert.Equal("store", latency.RootElement.GetProperty("vectors").GetString());
        var modes = latency.RootElement.GetProperty("modes").EnumerateArray().ToDictionary(m => m.GetProperty("mode").GetString()!, m => m.GetProperty("queries").GetInt32());
        Assert.Equal(["lexical", "semantic", "hybrid", "similar"], modes.Keys.Take(4));
        Assert.All(modes.Values.Take(4), queries => Assert.Equal(20, queries));
        // Then the lexical searches again by kind of query: every one of them, under one kind each.
        var byKind = modes.Skip(4).ToList();
        Assert.All(byKind, kind => Assert.StartsWith("lexical · ", kind.Key, StringComparison.Ordinal));
        Assert.Equal(20, byKind.Sum(kind => kind.Value));
    }
}
