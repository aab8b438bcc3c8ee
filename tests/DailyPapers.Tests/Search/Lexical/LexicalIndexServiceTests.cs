using System.Diagnostics;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>The services as the host registers them: the background service makes new papers findable in seconds.</summary>
public sealed class LexicalIndexServiceTests
{
    [Fact]
    public async Task A_paper_written_while_the_service_runs_is_found_within_seconds()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var services = Services(store, ("Search:Lexical:PollInterval", "00:00:00.100"));
        var writer = services.GetRequiredService<PaperWriter>();
        var searcher = services.GetRequiredService<LexicalSearcher>();
        await writer.WriteAsync([LexicalPapers.Paper("2506.00001", "Graph neural networks")], CancellationToken.None);
        var service = services.GetServices<IHostedService>().OfType<LexicalIndexService>().Single();

        await service.StartAsync(CancellationToken.None);
        try
        {
            await UntilFoundAsync(searcher, "graph", "2506.00001");
            await writer.WriteAsync([LexicalPapers.Paper("2506.00002", "Hyperbolic embeddings")], CancellationToken.None);
            var elapsed = await UntilFoundAsync(searcher, "hyperbolic", "2506.00002");

            Assert.True(elapsed < TimeSpan.FromSeconds(3), $"found after {elapsed}");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2, services.GetRequiredService<LexicalIndex>().DocumentCount);
        Assert.True(Directory.Exists(Path.Combine(store.DataDirectory, "index", "lexical")));
    }

    [Fact]
    public async Task Bad_settings_are_named_at_start()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var services = Services(store, ("Search:Lexical:PollInterval", "00:00:00"), ("Search:Lexical:B", "2"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LexicalOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("PollInterval", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Search:Lexical:B ", StringComparison.Ordinal));
    }

    private static ServiceProvider Services(TestStore store, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(store.Settings)
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddPaperStore(configuration, store.DataDirectory)
            .AddLexicalSearch(configuration)
            .BuildServiceProvider();
    }

    private static async Task<TimeSpan> UntilFoundAsync(LexicalSearcher searcher, string query, string id)
    {
        var watch = Stopwatch.StartNew();
        while (!searcher.TopIds(SearchQuery.Parse(query), 10).Any(hit => hit.Id == id))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{id} was not found for \"{query}\" within 30 s");
            await Task.Delay(20);
        }

        return watch.Elapsed;
    }
}
