using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>
/// Search:Lexical:ExactPostingsBudget: over it, a query's words are first all required, and those papers are the results
/// when there are enough of them, scored exactly as when any word will do; under it, or with too few, any word will do.
/// </summary>
public sealed class MostWordsFirstTests
{
    private const int WithBoth = 120;
    private const int WithOne = 60;

    [Fact]
    public async Task Over_the_budget_papers_with_every_word_come_first_with_their_own_scores()
    {
        await using var exact = await CorpusAsync(new LexicalOptions());
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        var any = exact.Search("ocean turbine", limit: 300);
        var every = most.Search("ocean turbine", limit: 300);
        var firstPage = most.Search("ocean turbine", limit: 50);

        Assert.Equal(WithBoth + (2 * WithOne), any.TotalHits);
        // The page is full of papers with both words: no search for either word alone was needed.
        Assert.Equal(WithBoth, firstPage.TotalHits);
        Assert.All(firstPage.Hits, hit => Assert.StartsWith("2501.", hit.Id, StringComparison.Ordinal));
        // Deeper, the papers with one word follow, so the same papers are found, each with its own score.
        Assert.Equal(any.TotalHits, every.TotalHits);
        Assert.All(every.Hits.Take(WithBoth), hit => Assert.StartsWith("2501.", hit.Id, StringComparison.Ordinal));
        var scores = any.Hits.ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        Assert.All(every.Hits, hit => Assert.Equal(scores[hit.Id], hit.Score, 5));
        Assert.Equal(any.Hits.Select(h => h.Id).Order(StringComparer.Ordinal), every.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_three_words_the_paper_with_all_three_comes_first_then_those_with_two()
    {
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        var found = most.Search("ocean turbine kelp", limit: 300);

        Assert.Equal("2501.00000", found.Hits[0].Id);
        Assert.All(found.Hits.Take(WithBoth), hit => Assert.StartsWith("2501.", hit.Id, StringComparison.Ordinal));
        Assert.Equal(WithBoth + (2 * WithOne), found.TotalHits);
    }

    [Theory]
    [InlineData("cat:cs.LG ocean turbine")]
    [InlineData("\"study\" ocean turbine")]
    public async Task With_a_required_clause_the_same_papers_are_found_with_the_same_scores(string query)
    {
        await using var exact = await CorpusAsync(new LexicalOptions());
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        var expected = exact.Search(query, limit: 300);
        var found = most.Search(query, limit: 300);

        Assert.Equal(expected.TotalHits, found.TotalHits);
        Assert.Equal(expected.Hits.Select(h => h.Id).Order(StringComparer.Ordinal), found.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        // The same sums, added in another order: equal to float rounding.
        var scores = expected.Hits.ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        Assert.All(found.Hits, hit => Assert.Equal(scores[hit.Id], hit.Score, 5));
    }

    [Fact]
    public async Task The_parts_of_a_hyphenated_word_count_as_words_of_their_own()
    {
        await using var exact = await CorpusAsync(new LexicalOptions());
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        var any = exact.Search("ocean-turbine", limit: 300);
        var firstPage = most.Search("ocean-turbine", limit: 50);
        var every = most.Search("ocean-turbine", limit: 300);

        // As one word, a paper with "ocean" alone would have all of it and rank among those with both parts.
        Assert.Equal(WithBoth, firstPage.TotalHits);
        Assert.All(firstPage.Hits, hit => Assert.StartsWith("2501.", hit.Id, StringComparison.Ordinal));
        Assert.Equal(any.TotalHits, every.TotalHits);
        var scores = any.Hits.ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        Assert.All(every.Hits, hit => Assert.Equal(scores[hit.Id], hit.Score, 5));
    }

    [Theory]
    [InlineData("kin-to tidal")]
    [InlineData("to-kin tidal")]
    public async Task A_name_typed_with_its_particles_counts_as_its_words_and_scores_as_when_any_word_will_do(string query)
    {
        // The names keep stop words ("to") that the title and abstract drop: their terms must still be in a word.
        await using var exact = await CorpusAsync(new LexicalOptions());
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        var expected = exact.Search(query, limit: 300);
        var found = most.Search(query, limit: 300);
        var first = most.Search(query, limit: 1);

        // Kin To's paper has every word, through its title and its authors: the first step alone fills a page of one.
        Assert.Equal(1, first.TotalHits);
        Assert.Equal("2504.00000", first.Hits[0].Id);
        Assert.Equal(expected.TotalHits, found.TotalHits);
        var scores = expected.Hits.ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        Assert.All(found.Hits, hit => Assert.Equal(scores[hit.Id], hit.Score, 5));
    }

    [Fact]
    public async Task A_term_met_twice_in_a_word_is_one_word_counted_twice()
    {
        // "end-to-end learning" is two words, "end" and "learning": a paper with "end" alone has one of them, as one with
        // "learning" alone, so the rarer word's paper stays first, as when any word will do.
        await using var bed = await LexicalTestbed.CreateAsync(new LexicalOptions { ExactPostingsBudget = 0 });
        var papers = Enumerable.Range(0, 40).Select(i => LexicalPapers.Paper($"2501.{i:D5}", $"End effects {i}"))
            .Append(LexicalPapers.Paper("2502.00000", "Learning rates"));
        await bed.WriteAsync([.. papers]);
        await bed.CatchUpAsync();

        var found = bed.Search("end-to-end learning", limit: 100);

        Assert.Equal(41, found.TotalHits);
        Assert.Equal("2502.00000", found.Hits[0].Id);
    }

    /// <summary>
    /// 120 papers with both words (one with "kelp" too), 60 with "ocean" only, 60 with "turbine" only, and two with neither,
    /// on tides, one by Kin To.
    /// </summary>
    private static async Task<LexicalTestbed> CorpusAsync(LexicalOptions options)
    {
        var bed = await LexicalTestbed.CreateAsync(options);
        var papers = Enumerable.Range(0, WithBoth).Select(i => LexicalPapers.Paper($"2501.{i:D5}", $"Ocean turbine study {i}", i == 0 ? "Kelp farms." : "An abstract."))
            .Concat(Enumerable.Range(0, WithOne).Select(i => LexicalPapers.Paper($"2502.{i:D5}", $"Ocean currents study {i}")))
            .Concat(Enumerable.Range(0, WithOne).Select(i => LexicalPapers.Paper($"2503.{i:D5}", $"Turbine blades study {i}")))
            .Append(LexicalPapers.Paper("2504.00000", "Tidal arrays", authors: ["Kin To"]))
            .Append(LexicalPapers.Paper("2505.00000", "Tidal currents"));
        await bed.WriteAsync([.. papers]);
        await bed.CatchUpAsync();
        return bed;
    }
}
