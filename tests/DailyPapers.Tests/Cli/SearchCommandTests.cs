using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Cli;

/// <summary>The embed and reindex verbs as an operator runs them: a separate process on a real store, killed and rerun.</summary>
public sealed class SearchCommandTests
{
    [Fact]
    public async Task An_embed_killed_mid_way_keeps_whole_batches_and_a_rerun_embeds_the_rest()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = Path.Combine(store.DataDirectory, "subset.jsonl.gz");
        var papers = await ScaledKaggleFile.WriteAsync(file, 120);
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "import", "kaggle", file)).ExitCode);

        using (var first = CliProcess.Start(store.Settings, "embed"))
        {
            // Kill -9 once a batch is committed, while the next one is being embedded.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (await VectorCountAsync(store) == 0 && DateTime.UtcNow < deadline && !first.HasExited)
            {
                await Task.Delay(20);
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var afterKill = await VectorCountAsync(store);
        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "embed");
        var (again, againOutput) = await CliProcess.RunAsync(store.Settings, "embed");

        Assert.Equal(0, afterKill % PaperEmbedder.BatchSize);
        Assert.InRange(afterKill, PaperEmbedder.BatchSize, papers - 1);
        Assert.Equal(0, exitCode);
        Assert.Contains($"Embedding {papers - afterKill:N0} papers", output, StringComparison.Ordinal);
        Assert.Equal(papers, await VectorCountAsync(store));
        Assert.Equal(0, again);
        Assert.Contains("Every paper has a current vector", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_rebuilds_the_search_index_from_the_store()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "import", "hf-daily", TestData.Path("hf-daily-papers", "2024-05-27.json"))).ExitCode);

        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "reindex");

        Assert.Equal(0, exitCode);
        Assert.Contains("Indexed 13 papers", output, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(store.DataDirectory, "index", "lexical")).Any());
    }

    [Fact]
    public async Task Reindex_builds_the_vector_index_from_the_stored_vectors_and_saves_it_beside_the_lexical_one()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "import", "hf-daily", TestData.Path("hf-daily-papers", "2024-05-27.json"))).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "embed")).ExitCode);
        var directory = Path.Combine(store.DataDirectory, "index", "vectors");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(directory).FullName, "sentence-transformers_all-MiniLM-L6-v2.hnsw"), "left by a crash");

        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "reindex");

        Assert.Equal(0, exitCode);
        Assert.Contains("Vector index: 13 vectors", output, StringComparison.Ordinal);
        var names = Directory.EnumerateFiles(directory).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["sentence-transformers_all-MiniLM-L6-v2.hnsw", "sentence-transformers_all-MiniLM-L6-v2.json", "sentence-transformers_all-MiniLM-L6-v2.keys"], names);
        Assert.True(new FileInfo(Path.Combine(directory, "sentence-transformers_all-MiniLM-L6-v2.hnsw")).Length > 13 * 384);
    }

    [Fact]
    public async Task Embed_with_embeddings_off_says_so()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var settings = new Dictionary<string, string?>(store.Settings) { ["Search:Embeddings:Enabled"] = "false" };

        var (exitCode, output) = await CliProcess.RunAsync(settings, "embed");

        Assert.Equal(1, exitCode);
        Assert.Contains("Embeddings are off", output, StringComparison.Ordinal);
    }

    private static async Task<int> VectorCountAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        return await context.PaperVectors.CountAsync();
    }
}
