using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Search.Embeddings;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>The running app embeds what is imported meanwhile and finds it by meaning, with no command run.</summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class SemanticIndexServiceTests
{
    [Fact]
    public async Task A_paper_written_while_the_site_runs_is_embedded_in_the_background_and_found_by_meaning()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var app = await RunningApp.StartAsync(store, new Dictionary<string, string?>
        {
            ["Search:Embeddings:Background"] = "true",
            ["Search:Embeddings:PollInterval"] = "00:00:00.200",
            ["Search:Lexical:PollInterval"] = "00:00:00.200",
        });
        var writer = app.Services.GetRequiredService<PaperWriter>();
        var search = app.Services.GetRequiredService<PaperSearch>();

        await writer.WriteAsync(Corpus.Papers, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        IReadOnlyList<string> found = [];
        while (DateTime.UtcNow < deadline)
        {
            found = search.Search(new PaperSearchRequest(SearchQuery.Parse("dog pictures"), SearchFilters.None, SearchSort.Relevance, 0, 3)
            {
                Mode = SearchMode.Semantic,
            }).Ids;
            if (found.Count > 0 && search.IsSemanticAvailable)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(Corpus.Canine, Assert.Single(found.Take(1)));
    }
}
