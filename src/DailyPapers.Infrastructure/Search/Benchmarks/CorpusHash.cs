using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// A hash of the exact texts a corpus embeds (ids in order, <see cref="EmbeddingText.ForPaper"/>), fed one document at
/// a time so a streamed corpus needs no second pass, with the model and the token limit (which change the vectors).
/// It names <see cref="VectorCache"/> files.
/// </summary>
public sealed class CorpusHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly EmbeddingModelKind _model;

    public CorpusHash(EmbeddingModelKind model, int maxTokens)
    {
        _model = model;
        _hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{EmbeddingModelProfile.For(model).Name}\t{maxTokens}\n")));
    }

    public void Add(BenchDocument document) =>
        _hash.AppendData(Encoding.UTF8.GetBytes(document.Id + "\t" + EmbeddingText.ForPaper(document.Title, document.Text) + "\n"));

    /// <summary>The cache file for the documents added so far.</summary>
    public string CacheFile(string cacheDirectory)
    {
        var key = Convert.ToHexStringLower(_hash.GetCurrentHash())[..16];
        return Path.Combine(cacheDirectory, string.Create(CultureInfo.InvariantCulture, $"{key}-{_model}.bin"));
    }

    public void Dispose() => _hash.Dispose();
}
