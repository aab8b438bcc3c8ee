using System.Text;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Harvesting;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Web;

/// <summary>
/// One app for the search tests, on real data: 400 arXiv cs listings around 2025-06-10 (with categories) and the
/// Hugging Face day 2025-06-10 (votes, code links), most of whose papers are among them. Lexical search only.
/// </summary>
public sealed class SearchCorpus : IAsyncLifetime
{
    public static readonly DateOnly HfDay = new(2025, 6, 10);

    /// <summary>
    /// Where the slice starts in the arXiv fixture (listings from 2025-06-09): most of 2025-06-10 and the start of
    /// 2025-06-11, lines 14,301 to 14,700 of the whole arxiv-cs file the fixture was cut from.
    /// </summary>
    private const int KaggleFirstLine = 323;

    private const int KaggleLines = 400;

    private TestStore _store = null!;

    public RunningApp App { get; private set; } = null!;

    /// <summary>Every log entry of the app from when it was ready: a search must never log an error.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var runner = new ImportRunner(new PaperWriter(_store.Factory, TimeProvider.System));
        await using (var kaggle = KaggleSlice())
        {
            await runner.RunAsync(KaggleSnapshotReader.Read(kaggle, "slice.jsonl", CancellationToken.None), () => default, null, CancellationToken.None);
        }

        var day = TestData.Path("hf-daily-papers", "2025-06-10.json");
        await using (var hf = File.OpenRead(day))
        {
            await runner.RunAsync(HfDailyReader.Read(hf, Path.GetFileName(day), CancellationToken.None), () => default, null, CancellationToken.None);
        }

        App = await RunningApp.StartAsync(_store);
        await App.SearchReadyAsync(withVectors: false);
        App.Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static MemoryStream KaggleSlice() =>
        new(Encoding.UTF8.GetBytes(string.Concat(TestData.KaggleCsLines().Skip(KaggleFirstLine).Take(KaggleLines).Select(line => line + "\n"))));
}
