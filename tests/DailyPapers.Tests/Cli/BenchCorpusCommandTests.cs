using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Cli;

/// <summary><c>bench corpus</c> as an operator runs it: a file the importer takes whole, and a report that says what it is.</summary>
public sealed class BenchCorpusCommandTests
{
    [Fact]
    public async Task A_generated_corpus_imports_whole_and_the_verb_says_its_texts_are_recombined()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = Path.Combine(store.DataDirectory, "corpus.jsonl.gz");

        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "bench", "corpus", "--papers", "2500", "--out", file, "--source", TestData.KaggleCs);
        var (importExit, importOutput) = await CliProcess.RunAsync(store.Settings, "import", "kaggle", file);

        Assert.Equal((0, 0), (exitCode, importExit));
        Assert.Contains("Generated 2,500 papers (seed 1)", output, StringComparison.Ordinal);
        Assert.Contains("Ids 0704.0001 … 2612.", output, StringComparison.Ordinal);
        Assert.Contains("texts are recombined from the 1,959 real papers", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Rejected", importOutput, StringComparison.Ordinal);
        await using var context = store.Factory.CreateContext();
        Assert.Equal(2_500, await context.Papers.CountAsync());
    }
}
