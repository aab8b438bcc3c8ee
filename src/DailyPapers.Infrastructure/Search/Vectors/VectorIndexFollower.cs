using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Loads the configured model's vectors from the store into this process's <see cref="VectorIndex"/>, and then the
/// ones written since (by this process, another node or <c>dailypapers embed</c>), following <c>vector_changes</c>.
/// </summary>
public sealed class VectorIndexFollower(PaperVectorStore vectors, VectorIndex index, EmbeddingModelProfile profile) : IDisposable
{
    private const int PageSize = 2000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Papers with a vector in this process.</summary>
    public int Count => index.Count;

    /// <summary>Reads every vector written after the last one loaded; returns how many it loaded.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var loaded = 0;
            while (true)
            {
                var page = await vectors.ReadChangesAsync(profile.Name, index.AppliedSequence, PageSize, cancellationToken);
                if (page.Count == 0)
                {
                    index.MarkLoaded();
                    return loaded;
                }

                index.Apply(page.Select(v => (v.PaperId, (ReadOnlyMemory<float>)v.Vector)), page[^1].Sequence);
                loaded += page.Count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
