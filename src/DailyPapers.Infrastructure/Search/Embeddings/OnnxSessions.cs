using Microsoft.ML.OnnxRuntime;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>How every embedding session is opened, so the embedder and the raw baseline of the benchmark run alike.</summary>
internal static class OnnxSessions
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";

    /// <summary>Per-token vectors; pooling and normalisation are not in either graph.</summary>
    public const string HiddenState = "last_hidden_state";

    public static InferenceSession Create(byte[] model, int intraOpThreads, int dimensions)
    {
        // The session keeps its own copy of the options, so they can go once it exists.
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };

        // Idle workers that spin after each run take a core from the web host on a 2-core machine; with two sessions
        // in one process, spinning cut throughput to a third (measured: 8.5 against 27 abstracts/s).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var session = new InferenceSession(model, options);
        try
        {
            CheckGraph(session, dimensions);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The graph's inputs in its own order; each is one of the three BERT inputs we know how to fill.</summary>
    public static string[] InputNames(InferenceSession session) => [.. session.InputMetadata.Keys];

    public static OrtValue[] Inputs(string[] inputNames, TokenBatch batch)
    {
        long[] shape = [batch.Count, batch.Length];
        return [.. inputNames.Select(name => OrtValue.CreateTensorValueFromMemory(Values(name, batch), shape))];
    }

    private static long[] Values(string inputName, TokenBatch batch) => inputName switch
    {
        InputIds => batch.InputIds,
        AttentionMask => batch.AttentionMask,
        TokenTypeIds => batch.TokenTypeIds,
        _ => throw new InvalidOperationException($"The embedding model asks for an unknown input {inputName}."),
    };

    private static void CheckGraph(InferenceSession session, int dimensions)
    {
        foreach (var name in session.InputMetadata.Keys)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
            {
                throw new InvalidOperationException($"The embedding model asks for an unknown input {name}.");
            }
        }

        if (!session.OutputMetadata.TryGetValue(HiddenState, out var output)
            || output.Dimensions[^1] != dimensions)
        {
            throw new InvalidOperationException(
                $"The embedding model has no {HiddenState} output of width {dimensions}.");
        }
    }
}
