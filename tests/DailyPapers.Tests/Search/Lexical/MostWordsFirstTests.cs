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
    public async Task Over_the_budget_the_papers_with_every_word_are_the_results_with_the_same_scores()
    {
        await using var exact = await CorpusAsync(new LexicalOptions());
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        var any = exact.Search("ocean turbine", limit: 300);
        var every = most.Search("ocean turbine", limit: 300);

        Assert.Equal(WithBoth + (2 * WithOne), any.TotalHits);
        Assert.Equal(WithBoth, every.TotalHits);
        Assert.All(every.Hits, hit => Assert.StartsWith("2501.", hit.Id, StringComparison.Ordinal));
        // The same papers score the same: the papers with both words rank first under either.
        var scores = any.Hits.ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        Assert.All(every.Hits, hit => Assert.Equal(scores[hit.Id], hit.Score, 5));
        Assert.Equal(every.Hits.Select(h => h.Id).Order(StringComparer.Ordinal), any.Hits.Take(WithBoth).Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_too_few_papers_with_every_word_all_but_one_then_any_word_will_do()
    {
        await using var most = await CorpusAsync(new LexicalOptions { ExactPostingsBudget = 0 });

        // One paper has "ocean", "turbine" and "kelp": too few, so two of the three will do, and 120 papers have two.
        var twoOfThree = most.Search("ocean turbine kelp", limit: 300);
        // One paper has "ocean" and "kelp": too few, and with two words the next step is any word.
        var anyOfTwo = most.Search("ocean kelp", limit: 300);

        Assert.Equal(WithBoth, twoOfThree.TotalHits);
        Assert.Equal("2501.00000", twoOfThree.Hits[0].Id);
        Assert.Equal(WithBoth + WithOne, anyOfTwo.TotalHits);
        Assert.Equal("2501.00000", anyOfTwo.Hits[0].Id);
    }

    /// <summary>120 papers with both words (one with "kelp" too), 60 with "ocean" only and 60 with "turbine" only.</summary>
    private static async Task<LexicalTestbed> CorpusAsync(LexicalOptions options)
    {
        var bed = await LexicalTestbed.CreateAsync(options);
        var papers = Enumerable.Range(0, WithBoth).Select(i => LexicalPapers.Paper($"2501.{i:D5}", $"Ocean turbine study {i}", i == 0 ? "Kelp farms." : "An abstract."))
            .Concat(Enumerable.Range(0, WithOne).Select(i => LexicalPapers.Paper($"2502.{i:D5}", $"Ocean currents study {i}")))
            .Concat(Enumerable.Range(0, WithOne).Select(i => LexicalPapers.Paper($"2503.{i:D5}", $"Turbine blades study {i}")));
        await bed.WriteAsync([.. papers]);
        await bed.CatchUpAsync();
        return bed;
    }
}
