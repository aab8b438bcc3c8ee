namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// Some token sequences padded to the longest of them, row after row, as the graph's <c>[batch, sequence]</c> inputs;
/// <see cref="Indices"/> says where each row's text stood in the caller's list.
/// </summary>
internal sealed class TokenBatch
{
    public TokenBatch(IReadOnlyList<long[]> sequences, IReadOnlyList<int> indices, long padId)
    {
        Count = indices.Count;
        Length = indices.Max(i => sequences[i].Length);
        Indices = indices;
        InputIds = new long[Count * Length];
        AttentionMask = new long[Count * Length];
        TokenTypeIds = new long[Count * Length];
        for (var row = 0; row < Count; row++)
        {
            var sequence = sequences[indices[row]];
            var ids = InputIds.AsSpan(row * Length, Length);
            sequence.CopyTo(ids);
            ids[sequence.Length..].Fill(padId);
            AttentionMask.AsSpan(row * Length, sequence.Length).Fill(1);
            Tokens += sequence.Length;
        }
    }

    public int Count { get; }

    public int Length { get; }

    /// <summary>Real (not padding) tokens in the batch.</summary>
    public int Tokens { get; }

    public IReadOnlyList<int> Indices { get; }

    public long[] InputIds { get; }

    public long[] AttentionMask { get; }

    /// <summary>All zeros: one segment per text.</summary>
    public long[] TokenTypeIds { get; }

    /// <summary>
    /// Batches of similar length, so that little of each is padding (sentence-transformers sorts too), each holding at
    /// most <paramref name="maxTexts"/> sequences and, past the first, at most <paramref name="maxTokens"/> tokens
    /// padding included. The order of results is restored through <see cref="Indices"/>.
    /// </summary>
    public static IReadOnlyList<TokenBatch> Plan(IReadOnlyList<long[]> sequences, int maxTexts, int maxTokens, long padId)
    {
        var batches = new List<TokenBatch>();
        var current = new List<int>();
        foreach (var index in Enumerable.Range(0, sequences.Count).OrderBy(i => sequences[i].Length))
        {
            // Sorted ascending, so the newest sequence is the longest and sets the padded width.
            var full = current.Count == maxTexts || (current.Count + 1) * sequences[index].Length > maxTokens;
            if (current.Count > 0 && full)
            {
                batches.Add(new TokenBatch(sequences, current, padId));
                current = [];
            }

            current.Add(index);
        }

        if (current.Count > 0)
        {
            batches.Add(new TokenBatch(sequences, current, padId));
        }

        return batches;
    }
}
