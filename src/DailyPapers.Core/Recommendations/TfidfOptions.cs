namespace DailyPapers.Core.Recommendations;

/// <summary>
/// TF-IDF settings with scikit-learn's meanings. The defaults are arxiv-sanity-lite's (compute.py: word unigrams and
/// bigrams, English stop words, 20,000 features, min_df 5, max_df 0.1, sublinear tf, smooth idf, l2 rows).
/// </summary>
public sealed record TfidfOptions
{
    public static TfidfOptions ArxivSanityLite { get; } = new();

    /// <summary>Keep at most this many terms, the most frequent over the corpus (sklearn's max_features).</summary>
    public int MaxFeatures { get; init; } = 20_000;

    /// <summary>Drop terms found in fewer documents than this (an integer min_df).</summary>
    public int MinDocuments { get; init; } = 5;

    /// <summary>Drop terms found in more than this fraction of the documents (a float max_df).</summary>
    public double MaxDocumentFraction { get; init; } = 0.1;

    /// <summary>The longest word n-gram (sklearn's ngram_range is (1, this)).</summary>
    public int MaxNgram { get; init; } = 2;

    public bool RemoveEnglishStopWords { get; init; } = true;

    /// <summary>tf becomes 1 + ln(tf).</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>idf = ln((1 + n) / (1 + df)) + 1, as if one more document held every term; else ln(n / df) + 1.</summary>
    public bool SmoothIdf { get; init; } = true;
}
