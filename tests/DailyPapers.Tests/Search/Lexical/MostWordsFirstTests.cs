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
    [InlineData("ocean kin-to")]
    public async Task A_name_typed_with_its_particles_scores_as_when_any_word_will_do(string query)
    {
        // The names keep stop words ("to") that the title and abstract drop: their terms must still score.
        await using var exact = await CorpusAsync(new LexicalOptions());
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        var expected = exact.Search(query, limit: 300);
        var found = most.Search(query, limit: 300);

        Assert.Equal(expected.TotalHits, found.TotalHits);
        Assert.Equal("2504.00000", found.Hits[0].Id);
        var scores = expected.Hits.ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        Assert.All(found.Hits, hit => Assert.Equal(scores[hit.Id], hit.Score, 5));
    }

    /// <summary>
    /// 120 papers with both words (one with "kelp" too), 60 with "ocean" only, 60 with "turbine" only, and one with neither
    /// by Kin To.
    /// </summary>
    private static async Task<LexicalTestbed> CorpusAsync(LexicalOptions options)
    {
        var bed = await LexicalTestbed.CreateAsync(options);
        var papers = Enumerable.Range(0, WithBoth).Select(i => LexicalPapers.Paper($"2501.{i:D5}", $"Ocean turbine study {i}", i == 0 ? "Kelp farms." : "An abstract."))
            .Concat(Enumerable.Range(0, WithOne).Select(i => LexicalPapers.Paper($"2502.{i:D5}", $"Ocean currents study {i}")))
            .Concat(Enumerable.Range(0, WithOne).Select(i => LexicalPapers.Paper($"2503.{i:D5}", $"Turbine blades study {i}")))
            .Append(LexicalPapers.Paper("2504.00000", "Tidal arrays", authors: ["Kin To"]));
        await bed.WriteAsync([.. papers]);
        await bed.CatchUpAsync();
        return bed;
    }
}
