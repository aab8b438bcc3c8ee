namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>Pooling and L2 normalisation as sentence-transformers does them; the ONNX graphs stop at the token vectors.</summary>
internal static class VectorPooling
{
    /// <summary>
    /// One text's vector from its rows of <c>last_hidden_state</c> (<paramref name="hidden"/>: sequence × dimensions)
    /// and its attention mask, unit length.
    /// </summary>
    public static float[] Pool(EmbeddingPooling pooling, ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, int dimensions)
    {
        var vector = new float[dimensions];
        if (pooling == EmbeddingPooling.Cls)
        {
            hidden[..dimensions].CopyTo(vector);
        }
        else
        {
            MeanOverMask(hidden, mask, vector);
        }

        Normalize(vector);
        return vector;
    }

    private static void MeanOverMask(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, Span<float> vector)
    {
        var dimensions = vector.Length;
        var tokens = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }

            tokens++;
            var row = hidden.Slice(t * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] += row[d];
            }
        }

        // sentence-transformers clamps the count the same way; a masked-out row cannot happen with [CLS] and [SEP].
        var scale = 1f / Math.Max(tokens, 1e-9f);
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] *= scale;
        }
    }

    private static void Normalize(Span<float> vector)
    {
        var sum = 0d;
        foreach (var x in vector)
        {
            sum += x * x;
        }

        // torch.nn.functional.normalize's epsilon, so a zero vector stays zero instead of becoming NaN.
        var scale = (float)(1 / Math.Max(Math.Sqrt(sum), 1e-12));
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] *= scale;
        }
    }
}
