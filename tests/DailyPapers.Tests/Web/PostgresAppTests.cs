using System.Text.Json;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>The same app with Database:Provider=Postgres: an HF import is served exactly as on SQLite.</summary>
public sealed class PostgresAppTests
{
    [Fact]
    public async Task The_app_on_postgres_serves_an_imported_hugging_face_day()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Postgres);
        var file = TestData.Path("hf-daily-papers", "2025-06-10.json");
        var input = ImportInput.Open(SourceKind.HfDaily, file);
        var summary = await new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System))
            .RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None);
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.EnumerateArray()
            .Select(i => i.GetProperty("paper").GetProperty("id").GetString()).Order().ToList();

        await using var app = await RunningApp.StartAsync(store);
        using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/daily_papers?date=2025-06-10&limit=100"));
        var html = await app.Client.GetStringAsync("/papers/date/2025-06-10");

        Assert.Equal(expected.Count, summary.New);
        Assert.Equal(expected, json.RootElement.EnumerateArray().Select(i => i.GetProperty("paper").GetProperty("id").GetString()).Order());
        Assert.Contains($"{expected.Count} papers", html, StringComparison.Ordinal);
    }
}
