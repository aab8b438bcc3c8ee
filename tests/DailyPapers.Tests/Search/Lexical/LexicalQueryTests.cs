using DailyPapers.Core.Search;
using static DailyPapers.Tests.Search.Lexical.QueryCorpus;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>The query language on the real index: words, phrases, prefixes, exclusions, filters and sorts.</summary>
public sealed class LexicalQueryTests(QueryCorpus corpus) : IClassFixture<QueryCorpus>
{
    private LexicalTestbed Bed => corpus.Bed;

    [Fact]
    public void Words_match_any_of_them_but_a_phrase_only_in_order()
    {
        var words = Bed.Ids("attention is all you need");
        var phrase = Bed.Ids("\"attention is all you need\"");

        // Which of the two comes first is BM25's call here (PaperSearch puts an exact title first, tested there).
        Assert.Equal([Attention, NeuralAttention], words.Take(2).Order(StringComparer.Ordinal));
        Assert.Contains(Quantum, words);
        Assert.Equal([Attention], phrase);
    }

    [Fact]
    public void Words_are_stemmed_and_the_title_counts_more_than_the_abstract()
    {
        // "network" is in both titles' or abstracts' "networks"; the title match ranks first.
        Assert.Equal([NeuralAttention, Attention], Bed.Ids("network"));
    }

    [Fact]
    public void Au_searches_only_author_names_and_folds_accents()
    {
        Assert.Equal([NeuralAttention, HintonDiagrams], Bed.Ids("hinton").Order().ToList());
        Assert.Equal([NeuralAttention], Bed.Ids("au:hinton"));
        Assert.Equal([Ddpm], Bed.Ids("au:muller"));
        Assert.Equal([Ddpm], Bed.Ids("au:\"Jürgen Müller\""));
    }

    [Fact]
    public void An_author_phrase_never_joins_the_end_of_one_name_to_the_next()
    {
        // "Jonathan Ho" then "Jürgen Müller": "ho jurgen" would be adjacent without the gap between names.
        Assert.Empty(Bed.Ids("au:\"Ho Jürgen\""));
    }

    [Fact]
    public void Ti_requires_the_word_in_the_title()
    {
        Assert.Contains(Quantum, Bed.Ids("attention"));
        Assert.Equal([Attention, NeuralAttention], Bed.Ids("ti:attention").Order().ToList());
        Assert.Equal([DiffusionBeatsGans, Ddpm], Bed.Ids("ti:diffusion gans"));
    }

    [Fact]
    public void Cat_takes_a_category_or_a_whole_archive()
    {
        Assert.Equal([DiffusionBeatsGans], Bed.Ids("cat:cs.CV"));
        Assert.Equal([Ddpm], Bed.Ids("cat:stat.ML"));
        Assert.Equal([Quantum], Bed.Ids("cat:quant-ph"));
        Assert.Equal(7, Bed.Search("cat:cs.*").TotalHits);
        Assert.DoesNotContain(Quantum, Bed.Ids("cat:cs.* attention"));
    }

    [Fact]
    public void Excluded_words_remove_papers_and_exclusions_alone_leave_everything_else()
    {
        Assert.Equal([Ddpm], Bed.Ids("diffusion -gans"));
        Assert.Equal(6, Bed.Search("-diffusion").TotalHits);
        Assert.DoesNotContain(Attention, Bed.Ids("attention -\"all you need\""));
    }

    [Fact]
    public void Filters_restrict_by_date_category_code_and_votes()
    {
        var year2021 = new SearchFilters { From = new DateOnly(2021, 1, 1), To = new DateOnly(2021, 12, 31) };

        Assert.Equal([DiffusionBeatsGans], Bed.Ids("diffusion", year2021));
        Assert.Equal([Ddpm], Bed.Ids("diffusion", new() { Categories = ["stat.*"] }));
        Assert.Equal([Attention, DiffusionBeatsGans], Bed.Ids("", new() { HasCode = true }).Order().ToList());
        Assert.Equal([Attention, DiffusionBeatsGans], Bed.Ids("", new() { MinVotes = 50 }).Order().ToList());
    }

    [Fact]
    public void Impossible_filters_give_no_hits_and_say_why()
    {
        var backwards = Bed.Search("diffusion", new() { From = new DateOnly(2025, 1, 1), To = new DateOnly(2024, 1, 1) });
        var badCategory = Bed.Search("diffusion", new() { Categories = ["not a category"] });

        Assert.Equal((0, true), (backwards.TotalHits, backwards.Notice?.Contains("after the end date", StringComparison.Ordinal)));
        Assert.Equal((0, true), (badCategory.TotalHits, badCategory.Notice is not null));
        Assert.Equal(0, Bed.Search("diffusion", new() { MinVotes = 1_000_000 }).TotalHits);
    }

    [Fact]
    public void Newest_sorts_by_date_and_most_voted_by_votes()
    {
        Assert.Equal([NeuralAttention, Quantum, Attention], Bed.Ids("attention", sort: SearchSort.Newest));
        Assert.Equal([DiffusionBeatsGans, Attention, Ddpm, NeuralAttention, HintonDiagrams], Bed.Ids("cat:cs.LG", sort: SearchSort.MostVoted));
    }

    [Fact]
    public void A_query_that_ranks_nothing_lists_newest_first()
    {
        Assert.Equal([NeuralAttention, Ddpm, HintonDiagrams, Attention], Bed.Ids("cat:cs.LG -gans"));
        Assert.Equal(NeuralAttention, Bed.Ids("").First());
    }

    [Fact]
    public void Pages_follow_one_another_and_count_every_hit()
    {
        var all = Bed.Ids("cat:cs.*", sort: SearchSort.Newest);
        var second = Bed.Searcher.Search(SearchQuery.Parse("cat:cs.*"), SearchFilters.None, SearchSort.Newest, 3, 3);

        Assert.Equal(all.Skip(3).Take(3), second.Hits.Select(h => h.Id));
        Assert.Equal(7, second.TotalHits);
    }

    [Fact]
    public void An_arxiv_id_in_the_query_finds_that_paper()
    {
        Assert.Equal(Quantum, Bed.Ids($"arxiv.org/abs/{Quantum}").First());
    }

    [Fact]
    public void Top_ids_are_best_first_with_their_scores()
    {
        var top = Bed.Searcher.TopIds(SearchQuery.ParsePlainText("diffusion models for image synthesis"), 3);

        Assert.Equal(3, top.Count);
        Assert.True(top[0].Score >= top[1].Score && top[1].Score >= top[2].Score);
        Assert.Contains(top.Take(2), t => t.Id == DiffusionBeatsGans);
    }

    [Fact]
    public void An_exact_title_is_found_whatever_its_case_and_punctuation()
    {
        Assert.Equal([Attention], Bed.Searcher.ExactTitleIds("attention is all you need"));
        Assert.Equal([StopWords], Bed.Searcher.ExactTitleIds("to be or not to be -- a study of stop words!"));
        Assert.Empty(Bed.Searcher.ExactTitleIds("attention is all"));
    }
}
