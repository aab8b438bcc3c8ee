using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Tests.Search.Embeddings;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>
/// Right after a start, before the stored vectors are loaded, a search by relevance ranks by words and says so;
/// once they are loaded it ranks by words and meaning, and says nothing.
/// </summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class VectorsLoadingTests(EmbeddingModels models)
{
    [Fact]
    public async Task A_search_before_the_vectors_are_loaded_says_it_ranked_by_words_only()
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm);
        await bed.Lexical.WriteAsync(Corpus.Papers);
        await bed.Lexical.CatchUpAsync();
        while ((await bed.PaperEmbedder.EmbedBatchAsync(CancellationToken.None)).Papers > 0)
        {
        }

        var starting = Search(bed, "dog pictures", SearchSort.Relevance);
        var newest = Search(bed, "dog pictures", SearchSort.Newest);
        await bed.Follower.CatchUpAsync(CancellationToken.None);
        var loaded = Search(bed, "dog pictures", SearchSort.Relevance);

        Assert.Equal((SearchMode.Lexical, PaperSearch.VectorsLoadingNotice), (starting.Mode, starting.Notice));
        Assert.DoesNotContain(Corpus.Canine, starting.Ids);
        Assert.Null(newest.Notice); // by date, meaning never ranks: nothing is missing
        Assert.Equal((SearchMode.Hybrid, null), (loaded.Mode, loaded.Notice));
        Assert.Equal(Corpus.Canine, loaded.Ids[0]);
    }

    private static PaperSearchResult Search(HybridTestbed bed, string text, SearchSort sort) =>
        bed.Search.Search(new PaperSearchRequest(SearchQuery.Parse(text), SearchFilters.None, sort, 0, 20));
}
