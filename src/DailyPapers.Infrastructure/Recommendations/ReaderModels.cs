using System.Collections.Concurrent;
using DailyPapers.Core.Recommendations;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Signals;
using Microsoft.Extensions.Caching.Memory;

namespace DailyPapers.Infrastructure.Recommendations;

/// <summary>A reader's trained classifier and the authors of the papers they liked.</summary>
public sealed record ReaderModel(LinearModel Model, AuthorAffinity Authors);

/// <summary>
/// Each reader's trained model, kept per node with the signals version it was trained at: a request after the
/// reader's signals moved (on any node) trains again, in milliseconds; others reuse it. Bounded: a model's weights are
/// 1.5 KB but its author affinity grows with what the reader liked, so the cache counts authors and lets the readers
/// least recently seen go (they retrain on their next visit).
/// </summary>
public sealed class ReaderModels(VectorIndex? vectors) : IDisposable
{
    /// <summary>About 50 MB of author names; a reader with 500 liked papers holds a few thousand.</summary>
    public const long MaxCachedAuthors = 500_000;

    private readonly MemoryCache _models = new(new MemoryCacheOptions { SizeLimit = MaxCachedAuthors });
    private readonly ConcurrentDictionary<(string UserId, long Version), Task<ReaderModel?>> _training = new();

    /// <summary>A paper's vector, or null before it is embedded (or with semantic search off).</summary>
    public float[]? VectorOf(string paperId) => vectors?.Find(paperId);

    /// <summary>
    /// The reader's model at their current signals; null while they have liked nothing. Negatives are their "not
    /// interested" papers and a sample of other papers, the same sample for the same reader while the index is the same.
    /// </summary>
    public async Task<ReaderModel?> ForAsync(
        ReaderSignalSet signals, IReadOnlyList<LikedVector> liked, Func<IReadOnlyList<string>, Task<IReadOnlyList<IReadOnlyList<string>>>> authorsOf)
    {
        if (_models.TryGetValue(signals.UserId, out (long Version, ReaderModel? Model) known) && known.Version == signals.Version)
        {
            return known.Model;
        }

        // One training per reader and signals version: a request that arrives while the background retraining after a
        // change (ForYouRetraining) or another request trains it waits for that one.
        var key = (signals.UserId, signals.Version);
        var training = _training.GetOrAdd(key, _ => TrainAsync(signals, liked, authorsOf));
        try
        {
            return await training;
        }
        finally
        {
            _training.TryRemove(new KeyValuePair<(string, long), Task<ReaderModel?>>(key, training));
        }
    }

    private async Task<ReaderModel?> TrainAsync(
        ReaderSignalSet signals, IReadOnlyList<LikedVector> liked, Func<IReadOnlyList<string>, Task<IReadOnlyList<IReadOnlyList<string>>>> authorsOf)
    {
        // Off the caller's thread at once, so that GetOrAdd returns before the work starts.
        await Task.Yield();
        ReaderModel? model = null;
        if (signals.Positives.Count > 0)
        {
            // Without a liked paper's vector (semantic search off, or none embedded yet) the classifier is flat, every
            // paper scoring the same, and the authors of what they liked rank alone: in the offline evaluation that
            // part by itself came within 0.004 nDCG@10 of the whole.
            var trained = vectors is not null && liked.Count > 0
                ? ReaderModelTrainer.Train([.. liked.Select(l => new ReadOnlyMemory<float>(l.Vector))], Negatives(signals, liked, vectors))
                : new LinearModel(new float[vectors?.Dimensions ?? 1], 0);
            // The authors of everything they liked, vector or not: read once per change of signals, not per request.
            model = new ReaderModel(trained, AuthorAffinity.From(await authorsOf([.. signals.Positives.Select(p => p.PaperId)])));
        }

        _models.Set(signals.UserId, (signals.Version, model), new MemoryCacheEntryOptions
        {
            Size = 1 + (model?.Authors.Authors.Count ?? 0),
            SlidingExpiration = TimeSpan.FromHours(6),
        });
        return model;
    }

    private static List<ReadOnlyMemory<float>> Negatives(ReaderSignalSet signals, IReadOnlyList<LikedVector> liked, VectorIndex vectors)
    {
        var likedIds = liked.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        List<ReadOnlyMemory<float>> negatives = [.. signals.Dismissed.Select(vectors.Find).OfType<float[]>().Select(v => new ReadOnlyMemory<float>(v))];
        negatives.AddRange(vectors.Sample(ReaderModelOptions.Chosen.SampledNegatives, Seed(signals.UserId), likedIds).Select(v => new ReadOnlyMemory<float>(v)));
        return negatives;
    }

    /// <summary>Forgets a reader (their account was deleted).</summary>
    public void Forget(string userId) => _models.Remove(userId);

    public void Dispose() => _models.Dispose();

    // FNV-1a: string.GetHashCode differs per process, and every node should draw the same sample for a reader.
    private static int Seed(string userId)
    {
        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
