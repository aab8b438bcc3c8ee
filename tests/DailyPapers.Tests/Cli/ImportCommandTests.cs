using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Cli;

/// <summary>The import verb as an operator runs it: a separate process, real files, killed and rerun.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task An_import_killed_mid_way_leaves_whole_batches_and_a_rerun_completes_it()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = Path.Combine(store.DataDirectory, "subset.jsonl.gz");
        // Enough papers (the arXiv fixture again and again under new ids) that the import outlasts the polling
        // below: it writes about 35,000 papers a second.
        var lines = await ScaledKaggleFile.WriteAsync(file, 70_000);

        using (var first = CliProcess.Start(store.Settings, "import", "kaggle", file))
        {
            // Kill -9 as soon as a batch is visible, while later batches are being written.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await CountAsync(store) == 0 && DateTime.UtcNow < deadline && !first.HasExited)
            {
                await Task.Delay(5);
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var (papersAfterKill, listingsAfterKill) = (await CountAsync(store), await ListingCountAsync(store));
        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "import", "kaggle", file);

        Assert.Equal(0, papersAfterKill % ImportRunner.DefaultBatchSize);
        Assert.Equal(papersAfterKill, listingsAfterKill);
        Assert.True(papersAfterKill < lines, $"the first run finished before it was killed ({papersAfterKill} papers)");
        Assert.Equal(0, exitCode);
        Assert.Equal((lines, lines), (await CountAsync(store), await ListingCountAsync(store)));
        Assert.Contains($"{lines - papersAfterKill:N0}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_imports_of_the_same_file_at_once_store_every_paper_once()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = Path.Combine(store.DataDirectory, "subset.jsonl.gz");
        var lines = await ScaledKaggleFile.WriteAsync(file, 6_000);

        var runs = await Task.WhenAll(
            CliProcess.RunAsync(store.Settings, "import", "kaggle", file),
            CliProcess.RunAsync(store.Settings, "import", "kaggle", file));

        Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
        Assert.Equal((lines, lines), (await CountAsync(store), await ListingCountAsync(store)));
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error_without_a_stack_trace()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);

        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "import", "kaggle", "/no/such/file.jsonl");

        Assert.Equal(1, exitCode);
        Assert.Contains("no such file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        return await context.Papers.CountAsync();
    }

    private static async Task<int> ListingCountAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        return await context.Listings.CountAsync();
    }
}
