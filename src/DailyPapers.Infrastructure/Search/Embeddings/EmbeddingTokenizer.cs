using FastBertTokenizer;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// WordPiece tokenisation by the reference models' rules, cut at <see cref="MaxTokens"/>. FastBertTokenizer rather
/// than the packages' own tokenizer, which mangles accented words; its span overloads keep no state, so one instance
/// serves every thread.
/// </summary>
internal sealed class EmbeddingTokenizer
{
    /// <summary>The longest input both graphs take: their position embeddings stop at 512.</summary>
    public const int ModelLimit = 512;

    private readonly BertTokenizer _tokenizer = new();

    /// <param name="maxTokens">Where a text is cut, [CLS] and [SEP] included (<c>Search:Embeddings:MaxTokens</c>).</param>
    public EmbeddingTokenizer(string vocabulary, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxTokens, ModelLimit);
        MaxTokens = maxTokens;
        // Both packages ship bert-base-uncased's vocabulary: the reference tokenizers lower-case and strip accents.
        using var reader = new StringReader(vocabulary);
        _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        PadId = Array.IndexOf(vocabulary.Split('\n', StringSplitOptions.TrimEntries), "[PAD]");
    }

    public int MaxTokens { get; }

    /// <summary>The id that fills the tail of shorter rows in a batch (the attention mask hides it anyway).</summary>
    public long PadId { get; }

    /// <summary>The token ids of one text, [CLS] first and [SEP] last; a longer text loses its tail, as in the reference.</summary>
    public long[] Tokenize(string text)
    {
        Span<long> ids = stackalloc long[ModelLimit];
        Span<long> mask = stackalloc long[ModelLimit];
        var count = _tokenizer.Encode(text, ids[..MaxTokens], mask[..MaxTokens]);
        return ids[..count].ToArray();
    }
}
