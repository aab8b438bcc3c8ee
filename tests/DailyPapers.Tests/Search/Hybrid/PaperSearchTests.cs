using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Tests.Search.Embeddings;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>Hybrid search on a real index, real stored vectors and the real MiniLM model.</summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class PaperSearchTests(EmbeddingModels models) : IAsyncLifetime
{
    private HybridTestbed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await HybridTestbed.CreateAsync(models.MiniLm);
        await _bed.Lexical.WriteAsync(Corpus.Papers);
        await _bed.ReadyAsync();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void Meaning_finds_a_paper_that_shares_no_word_with_the_query()
    {
        Assert.DoesNotContain(Corpus.Canine, _bed.Ids("dog pictures", mode: SearchMode.Lexical));
        Assert.Equal(Corpus.Canine, _bed.Ids("dog pictures", mode: SearchMode.Semantic)[0]);
        Assert.Equal(Corpus.Canine, _bed.Ids("dog pictures")[0]);
    }

    [Fact]
    public void Hybrid_ranks_both_wordings_of_a_topic_above_unrelated_papers()
    {
        var ids = _bed.Ids("protein folding");

        Assert.Equal([Corpus.Protein, Corpus.Folding], ids.Take(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Required_clauses_and_exclusions_hold_for_results_found_by_meaning()
    {
        Assert.Equal([Corpus.Canine, Corpus.Translation], _bed.Ids("au:lovelace dog pictures").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Corpus.Canine, _bed.Ids("dog pictures -puppy"));
        Assert.Equal([Corpus.Protein], _bed.Ids("\"acid sequences\" folding chains"));
    }

    [Fact]
    public void Filters_hold_for_results_found_by_meaning()
    {
        Assert.Equal([Corpus.Protein], _bed.Ids("protein folding", new SearchFilters { HasCode = true }));
        Assert.Equal([Corpus.Canine], _bed.Ids("dog pictures", new SearchFilters { Categories = ["cs.CV"] }));
        Assert.Equal([Corpus.Folding], _bed.Ids("protein folding", new SearchFilters { PaperIds = [Corpus.Folding, Corpus.Galaxies] }).Take(1));
        Assert.DoesNotContain(Corpus.Protein, _bed.Ids("protein folding", new SearchFilters { PaperIds = [Corpus.Folding, Corpus.Galaxies] }));
        Assert.DoesNotContain(Corpus.Canine, _bed.Ids("dog pictures", new SearchFilters { From = new DateOnly(2025, 6, 3), To = new DateOnly(2025, 6, 5) }));
    }

    [Fact]
    public void A_paper_named_by_id_or_exact_title_comes_first()
    {
        Assert.Equal(Corpus.Galaxies, _bed.Ids($"protein https://arxiv.org/abs/{Corpus.Galaxies}v2")[0]);
        Assert.Equal(Corpus.Bert, _bed.Ids("bert pre-training of deep bidirectional transformers for language understanding")[0]);
    }

    [Fact]
    public void Impossible_filters_give_no_results_and_say_why()
    {
        var result = _bed.Search.Search(new PaperSearchRequest(
            SearchQuery.Parse("protein"), new SearchFilters { From = new DateOnly(2025, 7, 1), To = new DateOnly(2025, 6, 1) }, SearchSort.Relevance, 0, 10));

        Assert.Empty(result.Ids);
        Assert.Contains("after the end date", result.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorting_by_votes_or_date_lists_the_lexical_matches_in_that_order()
    {
        Assert.Equal([Corpus.Protein, Corpus.Folding], _bed.Ids("amino", sort: SearchSort.MostVoted));
        Assert.Equal([Corpus.Folding, Corpus.Protein], _bed.Ids("amino", sort: SearchSort.Newest));
    }

    [Fact]
    public void With_embeddings_off_search_is_lexical_and_says_nothing_is_missing()
    {
        var result = _bed.LexicalOnly.Search(new PaperSearchRequest(SearchQuery.Parse("protein structure"), SearchFilters.None, SearchSort.Relevance, 0, 10));

        Assert.Equal(SearchMode.Lexical, result.Mode);
        Assert.Equal(Corpus.Protein, result.Ids[0]);
        Assert.Null(result.Notice);
    }

    [Fact]
    public void Similar_papers_are_the_nearest_by_meaning_and_never_the_paper_itself()
    {
        var similar = _bed.Search.Similar(Corpus.Protein, "Predicting protein structure with attention", 3);

        Assert.Equal(Corpus.Folding, similar[0]);
        Assert.DoesNotContain(Corpus.Protein, similar);
        Assert.Equal(3, similar.Count);
    }

    [Fact]
    public void Pages_of_hybrid_results_neither_repeat_nor_skip()
    {
        var request = new PaperSearchRequest(SearchQuery.Parse("learning networks"), SearchFilters.None, SearchSort.Relevance, 0, 6);
        var all = _bed.Search.Search(request).Ids;
        var first = _bed.Search.Search(request with { Limit = 3 }).Ids;
        var second = _bed.Search.Search(request with { Offset = 3, Limit = 3 }).Ids;

        Assert.InRange(all.Count, 4, 6);
        Assert.Equal(all, first.Concat(second));
    }

    [Fact]
    public void Nonsense_finds_nothing_by_meaning_either()
    {
        Assert.Empty(_bed.Ids("zzyzxquux qwfpgj"));
        Assert.Empty(_bed.Ids("zzyzxquux qwfpgj", mode: SearchMode.Semantic));
    }
}
