using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

/// <summary>Both real models, loaded once for every embedding test (about a second each), cut at 256 tokens as the references are.</summary>
public sealed class EmbeddingModels : IDisposable
{
    private readonly Lazy<TextEmbedder> _miniLm = new(() => Load(EmbeddingModelKind.MiniLm));
    private readonly Lazy<TextEmbedder> _arcticXs = new(() => Load(EmbeddingModelKind.ArcticXs));

    public TextEmbedder MiniLm => _miniLm.Value;

    public TextEmbedder ArcticXs => _arcticXs.Value;

    public TextEmbedder For(EmbeddingModelKind kind) => kind == EmbeddingModelKind.MiniLm ? MiniLm : ArcticXs;

    public void Dispose()
    {
        if (_miniLm.IsValueCreated)
        {
            _miniLm.Value.Dispose();
        }

        if (_arcticXs.IsValueCreated)
        {
            _arcticXs.Value.Dispose();
        }
    }

    // The reference models' own limit, which the reference vectors were made with (the app's default is shorter).
    private static TextEmbedder Load(EmbeddingModelKind kind) => new(new EmbeddingOptions { Model = kind, MaxTokens = 256 });
}
