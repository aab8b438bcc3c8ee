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
        await using var uninterrupted = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await CliProcess.RunAsync(uninterrupted.Settings, "import", "kaggle", file);

        Assert.Equal(0, papersAfterKill % ImportRunner.DefaultBatchSize);
        Assert.Equal(papersAfterKill, listingsAfterKill);
        Assert.True(papersAfterKill < lines, $"the first run finished before it was killed ({papersAfterKill} papers)");
        Assert.Equal(0, exitCode);
        Assert.Contains($"Resuming subset.jsonl.gz after line {papersAfterKill:N0}, the last one an interrupted import committed", output, StringComparison.Ordinal);
        Assert.Contains($"Unchanged: going on from line {papersAfterKill + 1:N0}", output, StringComparison.Ordinal);

        // Only the rest was read: all of it new, none seen again.
        Assert.Matches($@"│ {lines - papersAfterKill:N0}\s+│ 0\s+│ 0\s+│", output);
        Assert.Equal((lines, lines), (await CountAsync(store), await ListingCountAsync(store)));
        Assert.Equal(await SnapshotAsync(uninterrupted), await SnapshotAsync(store));
    }

    [Fact]
    public async Task A_gzip_file_cut_short_stops_with_one_line_naming_the_line_keeps_what_came_before_and_goes_on_once_whole()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = Path.Combine(store.DataDirectory, "cut.jsonl.gz");
        var lines = await ScaledKaggleFile.WriteAsync(file, 12_000);
        var whole = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, whole[..(whole.Length * 2 / 3)]);

        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "import", "kaggle", file);
        var stored = await CountAsync(store);
        await File.WriteAllBytesAsync(file, whole);
        var (rerunExit, rerun) = await CliProcess.RunAsync(store.Settings, "import", "kaggle", file);

        Assert.Equal(1, exitCode);
        Assert.InRange(stored, 1, lines - 1);
        var error = Assert.Single(output.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith(
            $"error: cut.jsonl.gz:{stored + 1}: the file ends early (truncated gzip?): records after line {stored:N0} were not read.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(0, rerunExit);
        Assert.Contains($"Resuming cut.jsonl.gz after line {stored:N0}", rerun, StringComparison.Ordinal);
        Assert.Equal((lines, lines), (await CountAsync(store), await ListingCountAsync(store)));
    }

    [Fact]
    public async Task A_plain_file_with_a_run_of_zeros_stops_at_that_line_and_keeps_every_paper_before_it()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = Path.Combine(store.DataDirectory, "zeros.jsonl");
        var gzip = file + ".gz";
        await ScaledKaggleFile.WriteAsync(gzip, 8_000);
        await using (var plain = File.Create(file))
        {
            await using var input = new System.IO.Compression.GZipStream(File.OpenRead(gzip), System.IO.Compression.CompressionMode.Decompress);
            await input.CopyToAsync(plain);
        }

        // A hole as an interrupted download or a failing disk leaves it: 4 KB of zeros from the middle of line 6,001.
        var text = await File.ReadAllBytesAsync(file);
        var lineStart = IndexAfterNewlines(text, 6_000);
        text.AsSpan(lineStart + 100, 4096).Clear();
        await File.WriteAllBytesAsync(file, text);

        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "import", "kaggle", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: zeros.jsonl:6001: the line holds NUL bytes: the file is corrupt from here.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(6_000, await CountAsync(store));
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

    private static int IndexAfterNewlines(byte[] text, int newlines)
    {
        var index = 0;
        for (var seen = 0; seen < newlines; seen++)
        {
            index = Array.IndexOf(text, (byte)'\n', index) + 1;
        }

        return index;
    }

    private static async Task<List<string>> SnapshotAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        var papers = (await context.Papers.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            .Select(p => string.Join("|", p.Id, p.Version, p.Title, p.Abstract, p.Authors, p.Categories, p.SubmittedAt, p.UpdatedAt, p.ChangeSeq, p.ObservedAt));
        var listings = (await context.Listings.AsNoTracking().OrderBy(l => l.PaperId).ThenBy(l => l.Day).ToListAsync())
            .Select(l => string.Join("|", l.PaperId, l.Day, l.Source));
        return [.. papers, .. listings];
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
