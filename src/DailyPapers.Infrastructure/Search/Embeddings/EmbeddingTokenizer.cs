using FastBertTokenizer;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// WordPiece tokenisation by the reference models' rules, cut at <see cref="MaxTokens"/>. FastBertTokenizer rather
/// than the packages' own tokenizer, which mangles accented words; its span overloads keep no state, so one instance
/// serves every thread.
/// </summary>
internal sealed class EmbeddingTokenizer
{
    /// <summary>
    /// sentence-transformers' max_seq_length for all-MiniLM-L6-v2 and the limit for both models
    /// (arctic-embed-xs was trained to 512; we keep one limit so both cost the same), [CLS] and [SEP] included.
    /// </summary>
    public const int MaxTokens = 256;

    private readonly BertTokenizer _tokenizer = new();

    public EmbeddingTokenizer(string vocabulary)
    {
        // Both packages ship bert-base-uncased's vocabulary: the reference tokenizers lower-case and strip accents.
        using var reader = new StringReader(vocabulary);
        _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        PadId = Array.IndexOf(vocabulary.Split('\n', StringSplitOptions.TrimEntries), "[PAD]");
    }

    /// <summary>The id that fills the tail of shorter rows in a batch (the attention mask hides it anyway).</summary>
    public long PadId { get; }

    /// <summary>The token ids of one text, [CLS] first and [SEP] last; a longer text loses its tail, as in the reference.</summary>
    public long[] Tokenize(string text)
    {
        Span<long> ids = stackalloc long[MaxTokens];
        Span<long> mask = stackalloc long[MaxTokens];
        var count = _tokenizer.Encode(text, ids, mask);
        return ids[..count].ToArray();
    }
}
