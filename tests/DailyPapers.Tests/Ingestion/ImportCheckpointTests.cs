using System.Security.Cryptography;
using DailyPapers.Infrastructure.Benchmarks.Scale;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Ingestion;

/// <summary>
/// An import of Kaggle lines stopped mid-way (cancelled after a few batches, as a kill would leave it: the batch in
/// progress rolled back) goes on from its last committed batch, and ends with the store an uninterrupted import makes.
/// </summary>
public sealed class ImportCheckpointTests : IDisposable
{
    private const int Papers = 3_000;
    private const int BatchSize = 500;

    private static readonly Lazy<SourceCorpus> Sources = new(() => SourceCorpus.Load(TestData.KaggleCs, CancellationToken.None));

    private readonly string _folder = TestData.NewTempDir("dp-checkpoint");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("papers.jsonl")]
    [InlineData("papers.jsonl.gz")]
    public async Task A_stopped_import_resumes_after_its_last_batch_and_ends_with_the_store_of_an_uninterrupted_one(string name)
    {
        var file = await GenerateAsync(name, Papers, seed: 1);
        await using var whole = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var resumed = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await ImportAsync(whole, file);

        await StopAfterAsync(resumed, file, papers: 1_500);
        var checkpoint = await new ImportCheckpoints(resumed.Factory).FindAsync(Key(file), CancellationToken.None);
        var (summary, wentOn) = await ImportAsync(resumed, file);

        Assert.Equal(1_500, checkpoint!.Line);
        Assert.True(wentOn);
        Assert.Equal((1_500, 0, 0), (summary.New, summary.Updated, summary.Unchanged));
        Assert.Equal(await SnapshotAsync(whole), await SnapshotAsync(resumed));
        Assert.Null(await new ImportCheckpoints(resumed.Factory).FindAsync(Key(file), CancellationToken.None));
    }

    [Fact]
    public async Task A_file_changed_before_the_checkpoint_is_imported_from_the_start()
    {
        var file = await GenerateAsync("papers.jsonl.gz", Papers, seed: 1);
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StopAfterAsync(store, file, papers: 1_000);

        // The same ids with other texts: every line differs.
        await GenerateAsync("papers.jsonl.gz", Papers, seed: 2);
        var (summary, wentOn) = await ImportAsync(store, file);

        // Read from line 1: the first 1,000 are seen again (updated, or unchanged where the stored version is newer).
        Assert.False(wentOn);
        Assert.Equal((Papers, 2_000), (summary.Total, summary.New));
    }

    [Fact]
    public async Task A_file_that_grew_past_the_checkpoint_goes_on_from_it()
    {
        var lines = await File.ReadAllLinesAsync(await GenerateAsync("all.jsonl", 2_500, seed: 1));
        var file = Path.Combine(_folder, "papers.jsonl");
        await File.WriteAllLinesAsync(file, lines.Take(2_000));
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StopAfterAsync(store, file, papers: 1_000);

        // As a download that had gone further: the same lines, then more.
        await File.AppendAllLinesAsync(file, lines.Skip(2_000));
        var (summary, wentOn) = await ImportAsync(store, file);

        Assert.True(wentOn);
        Assert.Equal((1_500, 0), (summary.New, summary.Unchanged));
        Assert.Equal(2_500, await CountAsync(store));
    }

    [Fact]
    public async Task A_folder_import_stopped_in_its_second_file_goes_on_there()
    {
        var folder = Path.Combine(_folder, "parts");
        Directory.CreateDirectory(folder);
        var corpus = await File.ReadAllLinesAsync(await GenerateAsync("all.jsonl", Papers, seed: 1));
        await File.WriteAllLinesAsync(Path.Combine(folder, "part1.jsonl"), corpus.Take(1_200));
        await File.WriteAllLinesAsync(Path.Combine(folder, "part2.jsonl"), corpus.Skip(1_200));
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StopAfterAsync(store, folder, papers: 2_000);

        var checkpoint = await new ImportCheckpoints(store.Factory).FindAsync(Key(folder), CancellationToken.None);
        var (summary, wentOn) = await ImportAsync(store, folder);

        Assert.Equal((1, "part2.jsonl", 800), (checkpoint!.File, checkpoint.FileName, checkpoint.Line));
        Assert.True(wentOn);
        Assert.Equal((1_000, 0), (summary.New, summary.Unchanged));
        Assert.Equal(Papers, await CountAsync(store));
    }

    [Fact]
    public async Task A_truncated_file_keeps_what_was_read_and_the_whole_file_goes_on_from_the_cut()
    {
        var file = await GenerateAsync("papers.jsonl.gz", Papers, seed: 1);
        var wholeBytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, wholeBytes[..(wholeBytes.Length * 2 / 3)]);
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);

        using (var cut = ImportInput.Open(SourceKind.Kaggle, file))
        {
            await Runner(store).RunAsync(cut.ReadAll(CancellationToken.None), () => cut.Progress, null, CancellationToken.None, null, Journal(cut));
            Assert.NotNull(cut.Stopped);
        }

        var kept = await CountAsync(store);
        var checkpoint = await new ImportCheckpoints(store.Factory).FindAsync(Key(file), CancellationToken.None);
        await File.WriteAllBytesAsync(file, wholeBytes);
        var (summary, wentOn) = await ImportAsync(store, file);

        Assert.InRange(kept, 1, Papers - 1);
        Assert.Equal(kept, checkpoint!.Line);
        Assert.True(wentOn);
        Assert.Equal((Papers - kept, 0), (summary.New, summary.Unchanged));
        Assert.Equal(Papers, await CountAsync(store));
    }

    [Fact]
    public async Task The_checkpoint_hash_is_the_SHA256_of_the_text_before_its_offset()
    {
        var file = await GenerateAsync("papers.jsonl.gz", Papers, seed: 1);
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StopAfterAsync(store, file, papers: 2_500);

        var checkpoint = await new ImportCheckpoints(store.Factory).FindAsync(Key(file), CancellationToken.None);
        var text = await File.ReadAllBytesAsync(await GenerateAsync("plain.jsonl", Papers, seed: 1));

        Assert.Equal(Convert.ToHexString(SHA256.HashData(text.AsSpan(0, (int)checkpoint!.Offset))), checkpoint.Sha256);
        Assert.Equal(2_500, text.AsSpan(0, (int)checkpoint.Offset).Count((byte)'\n'));
    }

    private static string Key(string path)
    {
        using var input = ImportInput.Open(SourceKind.Kaggle, path);
        return input.CheckpointKey;
    }

    private static ImportRunner Runner(TestStore store) =>
        new(new PaperWriter(store.Factory, TimeProvider.System)) { BatchSize = BatchSize, ChunkSize = 100 };

    private static ImportJournal Journal(ImportInput input) => new() { Checkpoint = () => input.Checkpoint };

    /// <summary>Imports until <paramref name="papers"/> are committed, then stops as a kill would: the batch in progress is lost.</summary>
    private static async Task StopAfterAsync(TestStore store, string path, int papers)
    {
        using var input = ImportInput.Open(SourceKind.Kaggle, path);
        using var stop = new CancellationTokenSource();
        var progress = new Reporter(p =>
        {
            if (p.Records >= papers)
            {
                stop.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Runner(store).RunAsync(input.ReadAll(stop.Token), () => input.Progress, progress, stop.Token, null, Journal(input)));
        Assert.Equal(papers, await CountAsync(store));
    }

    /// <summary>Imports as <c>import kaggle</c> does: from the checkpoint if there is one; true if it went on from it.</summary>
    private static async Task<(ImportSummary Summary, bool WentOn)> ImportAsync(TestStore store, string path)
    {
        using var input = ImportInput.Open(SourceKind.Kaggle, path);
        var checkpoints = new ImportCheckpoints(store.Factory);
        var wentOn = await checkpoints.FindAsync(input.CheckpointKey, CancellationToken.None) is { } checkpoint
            && await input.ResumeAsync(checkpoint, CancellationToken.None);
        var summary = await Runner(store).RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None, null, Journal(input));
        Assert.Null(input.Stopped);
        await checkpoints.ClearAsync(input.CheckpointKey, CancellationToken.None);
        return (summary, wentOn);
    }

    private static async Task<int> CountAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        return await context.Papers.CountAsync();
    }

    private static async Task<List<string>> SnapshotAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        var papers = (await context.Papers.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            .Select(p => string.Join("|", p.Id, p.Version, p.Title, p.Abstract, p.Authors, p.Categories, p.SubmittedAt, p.UpdatedAt, p.License, p.ChangeSeq, p.ObservedAt));
        var listings = (await context.Listings.AsNoTracking().OrderBy(l => l.PaperId).ThenBy(l => l.Day).ToListAsync())
            .Select(l => string.Join("|", l.PaperId, l.Day, l.Source));
        var counter = (await context.Counters.SingleAsync(c => c.Name == StoreCounterEntity.PaperChanges)).Value;
        return [.. papers, .. listings, $"counter {counter}"];
    }

    private async Task<string> GenerateAsync(string name, long papers, ulong seed)
    {
        var path = Path.Combine(_folder, name);
        await CorpusGenerator.WriteAsync(Sources.Value, new CorpusPlan(Sources.Value.Papers.Count, papers, seed), path, null, CancellationToken.None);
        return path;
    }

    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
