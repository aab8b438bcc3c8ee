using Microsoft.ML.OnnxRuntime;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// Unit-length 384-dimensional vectors from a packaged model, matching the reference sentence-transformers model:
/// its tokenizer rules, a token limit (<see cref="EmbeddingOptions.MaxTokens"/>), its pooling and L2 normalisation, and (Arctic) its query prefix.
/// Meant as one instance per process: the tokenizer and ONNX Runtime's <c>Run</c> are safe to call from many threads.
/// </summary>
public sealed class TextEmbedder : IDisposable
{
    private static readonly string[] OutputNames = [OnnxSessions.HiddenState];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly EmbeddingTokenizer _tokenizer;

    /// <summary>Loads the chosen model from its package's embedded resources (about a second; nothing is downloaded).</summary>
    public TextEmbedder(EmbeddingOptions options)
    {
        Profile = EmbeddingModelProfile.For(options.Model);
        BatchSize = options.BatchSize;
        BatchTokens = options.BatchTokens;
        IntraOpThreads = options.IntraOpThreads;
        _tokenizer = new EmbeddingTokenizer(Profile.ReadVocabulary(), options.MaxTokens);
        _session = OnnxSessions.Create(Profile.ReadModel(), options.IntraOpThreads, Profile.Dimensions);
        _inputNames = OnnxSessions.InputNames(_session);
    }

    public EmbeddingModelProfile Profile { get; }

    public EmbeddingModelKind Model => Profile.Kind;

    public int Dimensions => Profile.Dimensions;

    /// <summary>The most texts per inference in <see cref="EmbedDocuments"/> and <see cref="EmbedQueries"/>.</summary>
    public int BatchSize { get; }

    /// <summary>Tokens per inference, padding included, that a batch of more than one text may hold.</summary>
    public int BatchTokens { get; }

    public int IntraOpThreads { get; }

    /// <summary>Where a text is cut, [CLS] and [SEP] included; vectors made with another limit differ for long texts.</summary>
    public int MaxTokens => _tokenizer.MaxTokens;

    /// <summary>A search query, with the model's query prefix (Arctic's instruction; none for MiniLM).</summary>
    public float[] EmbedQuery(string query) => EmbedQueries([query], CancellationToken.None)[0];

    /// <summary>A document as one text; for a paper build it with <see cref="EmbeddingText.ForPaper"/>.</summary>
    public float[] EmbedDocument(string text) => EmbedDocuments([text], CancellationToken.None)[0];

    /// <summary>
    /// Many documents, in batches of similar length; the vectors come back in the order of the texts. All texts are
    /// tokenised before the first batch runs, so a large job passes a few hundred at a time.
    /// </summary>
    public IReadOnlyList<float[]> EmbedDocuments(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Embed(Prepare(texts, asQueries: false), texts.Count, cancellationToken);

    public IReadOnlyList<float[]> EmbedQueries(IReadOnlyList<string> queries, CancellationToken cancellationToken) =>
        Embed(Prepare(queries, asQueries: true), queries.Count, cancellationToken);

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    /// <summary>Normalised, prefixed, tokenised and batched: everything before the model runs (the benchmark reuses it).</summary>
    internal IReadOnlyList<TokenBatch> Prepare(IReadOnlyList<string> texts, bool asQueries)
    {
        var prefix = asQueries ? Profile.QueryPrefix : "";
        var sequences = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            sequences[i] = _tokenizer.Tokenize(prefix + EmbeddingText.Normalize(texts[i]));
        }

        return TokenBatch.Plan(sequences, BatchSize, BatchTokens, _tokenizer.PadId);
    }

    private float[][] Embed(IReadOnlyList<TokenBatch> batches, int count, CancellationToken cancellationToken)
    {
        var vectors = new float[count][];
        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Run(batch, vectors);
        }

        return vectors;
    }

    private void Run(TokenBatch batch, float[][] vectors)
    {
        var inputs = OnnxSessions.Inputs(_inputNames, batch);
        try
        {
            using var outputs = _session.Run(_runOptions, _inputNames, inputs, OutputNames);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var rowSize = batch.Length * Dimensions;
            for (var row = 0; row < batch.Count; row++)
            {
                vectors[batch.Indices[row]] = VectorPooling.Pool(
                    Profile.Pooling,
                    hidden.Slice(row * rowSize, rowSize),
                    batch.AttentionMask.AsSpan(row * batch.Length, batch.Length),
                    Dimensions);
            }
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }
}
