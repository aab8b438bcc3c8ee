using DailyPapers.Core.Recommendations;

namespace DailyPapers.Core.Tests.Recommendations;

/// <summary>
/// TF-IDF as scikit-learn's TfidfVectorizer computes it with arxiv-sanity-lite's settings, checked by hand on three
/// documents (min_df and max_df opened up so that every term stays):
///   d0 "Graph neural networks."                  → graph, neural, networks, "graph neural", "neural networks"
///   d1 "Graph transformers"                      → graph, transformers, "graph transformers"
///   d2 "The neural networks of neural networks"  → "the" and "of" are stop words, dropped before the bigrams, so:
///      neural ×2, networks ×2, "neural networks" ×2, "networks neural" ×1 (a bigram across the dropped "of").
/// Smooth idf with n = 3: df 2 → ln(4/3) + 1 = 1.287682; df 1 → ln(4/2) + 1 = 1.693147.
/// Sublinear tf: 1 → 1, 2 → 1 + ln 2 = 1.693147.
///   d0: four terms of df 2 weigh 1.287682, "graph neural" (df 1) 1.693147; norm √(4·1.287682² + 1.693147²) = 3.082085;
///       so 0.417796 and 0.549351.
///   d1: graph 1.287682, the two others 1.693147; norm √(1.287682² + 2·1.693147²) = 2.718753; 0.473630 and 0.622766.
///   d2: three terms 1.693147·1.287682 = 2.180232, "networks neural" 1.693147; norm 4.138481; 0.526820 and 0.409123.
/// Features are numbered in ordinal order of the terms: graph 0, "graph neural" 1, "graph transformers" 2,
/// networks 3, "networks neural" 4, neural 5, "neural networks" 6, transformers 7.
/// </summary>
public class TfidfVectorizerTests
{
    private static readonly string[] Corpus = ["Graph neural networks.", "Graph transformers", "The neural networks of neural networks"];

    private static readonly TfidfOptions Open = TfidfOptions.ArxivSanityLite with { MinDocuments = 1, MaxDocumentFraction = 1.0 };

    [Fact]
    public void Fit_numbers_the_terms_in_ordinal_order()
    {
        var vectorizer = TfidfVectorizer.Fit(Corpus, Open);

        string[] expected = ["graph", "graph neural", "graph transformers", "networks", "networks neural", "neural", "neural networks", "transformers"];
        Assert.Equal(expected, vectorizer.Vocabulary.OrderBy(pair => pair.Value).Select(pair => pair.Key));
    }

    [Fact]
    public void Fit_gives_smooth_idf()
    {
        var vectorizer = TfidfVectorizer.Fit(Corpus, Open);

        Assert.Equal(1.287682, vectorizer.Idf[vectorizer.Vocabulary["graph"]], 1e-6);
        Assert.Equal(1.693147, vectorizer.Idf[vectorizer.Vocabulary["graph neural"]], 1e-6);
    }

    [Theory]
    [InlineData(0, new[] { 0, 1, 3, 5, 6 }, new[] { 0.417796, 0.549351, 0.417796, 0.417796, 0.417796 })]
    [InlineData(1, new[] { 0, 2, 7 }, new[] { 0.473630, 0.622766, 0.622766 })]
    [InlineData(2, new[] { 3, 4, 5, 6 }, new[] { 0.526820, 0.409123, 0.526820, 0.526820 })]
    public void Transform_matches_the_values_computed_by_hand(int document, int[] indices, double[] values)
    {
        var vectorizer = TfidfVectorizer.Fit(Corpus, Open);

        var row = vectorizer.Transform(Corpus[document]);

        Assert.Equal(indices, row.Indices);
        Assert.Equal(values.Length, row.Values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], row.Values[i], 1e-5);
        }
    }

    [Fact]
    public void Max_features_keeps_the_most_frequent_terms_and_breaks_ties_in_ordinal_order()
    {
        // Occurrences over the corpus: neural 3, networks 3, "neural networks" 3, graph 2, and four terms once each,
        // of which "graph neural" comes first in ordinal order.
        var vectorizer = TfidfVectorizer.Fit(Corpus, Open with { MaxFeatures = 5 });

        Assert.Equal(["graph", "graph neural", "networks", "neural", "neural networks"], vectorizer.Vocabulary.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Min_df_and_max_df_drop_rare_and_common_terms()
    {
        var common = TfidfVectorizer.Fit(Corpus, Open with { MinDocuments = 2 });
        var rare = TfidfVectorizer.Fit(Corpus, Open with { MaxDocumentFraction = 0.5 });

        Assert.Equal(["graph", "networks", "neural", "neural networks"], common.Vocabulary.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["graph neural", "graph transformers", "networks neural", "transformers"], rare.Vocabulary.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tokens_are_lowercased_stripped_of_accents_and_at_least_two_characters_starting_with_a_letter()
    {
        // "Schrödinger" becomes schrodinger; "x" is one character; "3d" starts with a digit; "gpt_4o" keeps its digits.
        var vectorizer = TfidfVectorizer.Fit(["Schrödinger x 3d GPT_4o"], Open with { MaxNgram = 1 });

        Assert.Equal(["gpt_4o", "schrodinger"], vectorizer.Vocabulary.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Transform_of_a_text_with_no_known_term_is_empty()
    {
        var vectorizer = TfidfVectorizer.Fit(Corpus, Open);

        Assert.Equal(0, vectorizer.Transform("the of and").NonZeros);
    }

    [Fact]
    public void Max_df_allowing_fewer_documents_than_min_df_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(Corpus, TfidfOptions.ArxivSanityLite));
    }
}
