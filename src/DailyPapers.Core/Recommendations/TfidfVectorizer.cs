namespace DailyPapers.Core.Recommendations;

/// <summary>
/// TF-IDF rows as scikit-learn's <c>TfidfVectorizer</c> makes them, for the arxiv-sanity-lite peer: <see cref="Fit"/>
/// learns the vocabulary and idf from a corpus, <see cref="Transform"/> turns a text into an l2-normalised sparse row
/// whose feature indices follow the vocabulary in ordinal order, as sklearn's do. One difference: where several terms
/// tie in frequency at the max_features cut, sklearn keeps whichever its unstable sort puts first (it varies with
/// the CPU); this keeps the first in ordinal order.
/// </summary>
public sealed class TfidfVectorizer
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly double[] _idf;
    private readonly TfidfOptions _options;

    private TfidfVectorizer(Dictionary<string, int> vocabulary, double[] idf, TfidfOptions options) =>
        (_vocabulary, _idf, _options) = (vocabulary, idf, options);

    /// <summary>Term → feature index.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary => _vocabulary;

    /// <summary>The idf of each feature.</summary>
    public IReadOnlyList<double> Idf => _idf;

    public int Features => _idf.Length;

    public static TfidfVectorizer Fit(IEnumerable<string> documents, TfidfOptions options)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxNgram, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFeatures);
        var counts = new Dictionary<string, (int Documents, long Occurrences)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documentCount = 0;
        foreach (var document in documents)
        {
            documentCount++;
            seen.Clear();
            foreach (var term in WordNgramAnalyzer.Terms(document, options.MaxNgram, options.RemoveEnglishStopWords))
            {
                var (inDocuments, occurrences) = counts.GetValueOrDefault(term);
                counts[term] = (seen.Add(term) ? inDocuments + 1 : inDocuments, occurrences + 1);
            }
        }

        var maxDocuments = options.MaxDocumentFraction * documentCount;
        if (maxDocuments < options.MinDocuments)
        {
            throw new ArgumentException(
                $"max_df ({options.MaxDocumentFraction} of {documentCount} documents) allows fewer documents than min_df ({options.MinDocuments}).", nameof(options));
        }

        var kept = counts
            .Where(pair => pair.Value.Documents >= options.MinDocuments && pair.Value.Documents <= maxDocuments)
            .OrderByDescending(pair => pair.Value.Occurrences)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(options.MaxFeatures)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        if (kept.Count == 0)
        {
            throw new ArgumentException("No term is left after min_df and max_df: the corpus is too small or too uniform.", nameof(documents));
        }

        var vocabulary = new Dictionary<string, int>(kept.Count, StringComparer.Ordinal);
        var idf = new double[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            vocabulary[kept[i].Key] = i;
            var df = kept[i].Value.Documents;
            idf[i] = options.SmoothIdf ? Math.Log((1.0 + documentCount) / (1.0 + df)) + 1 : Math.Log((double)documentCount / df) + 1;
        }

        return new TfidfVectorizer(vocabulary, idf, options);
    }

    /// <summary>A text's row; a text with no known term gives an empty row.</summary>
    public SparseVector Transform(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var term in WordNgramAnalyzer.Terms(text, _options.MaxNgram, _options.RemoveEnglishStopWords))
        {
            if (_vocabulary.TryGetValue(term, out var index))
            {
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return SparseVector.Empty;
        }

        var indices = counts.Keys.Order().ToArray();
        var weights = new double[indices.Length];
        var squaredNorm = 0d;
        for (var i = 0; i < indices.Length; i++)
        {
            var tf = (double)counts[indices[i]];
            weights[i] = (_options.SublinearTf ? 1 + Math.Log(tf) : tf) * _idf[indices[i]];
            squaredNorm += weights[i] * weights[i];
        }

        var norm = Math.Sqrt(squaredNorm);
        return new SparseVector(indices, Array.ConvertAll(weights, w => (float)(w / norm)));
    }
}
