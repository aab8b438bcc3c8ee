using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Harvesting;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// One app for the feed tests that only read: the arXiv fixture (eleven days of cs listings, categories, versions)
/// and the fifteen Hugging Face days (votes, code links, AI summaries). Lexical search only.
/// </summary>
public sealed class FeedSite : IAsyncLifetime
{
    private TestStore _store = null!;

    public RunningApp App { get; private set; } = null!;

    /// <summary>Every log entry of the app once it was ready: no feed request may log an error.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await ImportAsync(_store);
        App = await RunningApp.StartAsync(_store);
        await App.SearchReadyAsync(withVectors: false);
        App.Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _store.DisposeAsync();
    }

    /// <summary>The arXiv fixture and every Hugging Face day into the store.</summary>
    public static async Task ImportAsync(TestStore store)
    {
        var runner = new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System));
        await using (var arxiv = SourceFile.OpenRead(TestData.KaggleCs))
        {
            await runner.RunAsync(KaggleSnapshotReader.Read(arxiv, "cs.jsonl.gz", CancellationToken.None), () => default, null, CancellationToken.None);
        }

        foreach (var day in Directory.GetFiles(HfDaysFixture.Folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var hf = File.OpenRead(day);
            await runner.RunAsync(HfDailyReader.Read(hf, Path.GetFileName(day), CancellationToken.None), () => default, null, CancellationToken.None);
        }
    }

    /// <summary>The papers as the store has them (with all their listings), by id: what each feed item must say.</summary>
    public async Task<IReadOnlyDictionary<string, ListedPaper>> PapersAsync(IReadOnlyList<string> ids)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var papers = await scope.ServiceProvider.GetRequiredService<PaperReader>().FindManyAsync(ids, CancellationToken.None);
        return papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }
}
