using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;

namespace DailyPapers.Tests.Search.Benchmarks;

public sealed class LatencyQueriesTests
{
    private static readonly LatencyPaper[] Papers =
    [
        new("2501.00001", "Scaling Vision Transformers for Dense Prediction", ["Ada Lovelace", "Alan Turing"], "cs.CV"),
        new("2501.00002", "On the Robustness of Large Language Models to Prompt Injection", ["Grace Hopper"], "cs.CL"),
        new("2501.00003", "Diffusion Policies: Learning Robot Manipulation from $\\mathcal{D}$emonstrations", ["Claude Shannon"], "cs.RO"),
    ];

    [Fact]
    public void Generate_is_repeatable_and_mixes_words_phrases_authors_and_categories()
    {
        var queries = LatencyQueries.Generate(Papers, 200, seed: 5);

        Assert.Equal(queries, LatencyQueries.Generate(Papers, 200, seed: 5));
        Assert.Equal(200, queries.Count);
        Assert.Contains(queries, q => q.StartsWith("au:", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.StartsWith("cat:", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.StartsWith('"'));
        Assert.All(queries, q => Assert.Null(SearchQuery.Parse(q).Notice));
        Assert.All(queries, q => Assert.NotNull(Fts5Query.From(SearchQuery.Parse(q))));
        // Latency by kind tells each of them apart (these titles have no hyphenated word).
        Assert.Equal(["au: and words", "cat: and words", "phrase", "words"], queries.Select(LatencyQueries.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("au:Lovelace vision", "au: and words")]
    [InlineData("cat:cs.CV dense-prediction", "cat: and words")]
    [InlineData("\"vision transformers\" dense", "phrase")]
    [InlineData("self-supervised scaling", "hyphenated words")]
    [InlineData("scaling vision", "words")]
    public void Kind_names_what_Generate_made(string query, string kind) => Assert.Equal(kind, LatencyQueries.Kind(query));

    [Fact]
    public void ContentWords_drops_stop_words_tex_and_punctuation()
    {
        Assert.Equal(["robustness", "large", "language", "models", "prompt", "injection"], LatencyQueries.ContentWords(Papers[1].Title));
        Assert.DoesNotContain(LatencyQueries.ContentWords(Papers[2].Title), w => w.Contains('$', StringComparison.Ordinal));
    }
}
