using System.Numerics.Tensors;
using DailyPapers.Infrastructure.Search.Vectors.Ann;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Every stored vector of one model in an approximate nearest-neighbour graph (USearch's HNSW, vectors held as int8):
/// at 2.7 million papers an exact scan of float32 vectors would take 4 GB and ~400 ms a query; the graph takes a third
/// of that memory and a few milliseconds. Scores are cosines of the stored (quantized) vectors; <see cref="SemanticSearcher"/>
/// rescores the best candidates with the exact vectors. Safe for many searching threads and one writer.
/// </summary>
/// <remarks>
/// Graph keys are slots handed out in order, never reused: a paper whose vector changes gets a new slot and its old one
/// is removed from the graph, so a search never meets a key that now means another paper.
/// </remarks>
public sealed class VectorIndex : IDisposable
{
    /// <summary>Vectors added one by one below this many; above it, on every core.</summary>
    private const int ParallelAddThreshold = 256;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, ulong> _keys = new(StringComparer.Ordinal);
    private HnswGraph _graph;
    private string?[] _ids = [];
    private ulong _nextKey;
    private long _appliedSequence;
    private volatile bool _isLoaded;

    /// <param name="loadsFromStore">
    /// The index of a running site, filled from the store by <see cref="VectorIndexFollower"/>: not
    /// <see cref="IsLoaded"/> until its first catch-up ends. An index filled by its maker (benchmarks) is loaded at once.
    /// </param>
    public VectorIndex(int dimensions, bool loadsFromStore = false, HnswSettings? settings = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        Settings = settings ?? VectorIndexOptions.DefaultSettings;
        _graph = HnswGraph.Create(Settings, dimensions, SearchThreads);
        _isLoaded = !loadsFromStore;
    }

    public int Dimensions { get; }

    /// <summary>How the graph is built and searched.</summary>
    public HnswSettings Settings { get; }

    /// <summary>
    /// Whether every vector stored when the process started has been loaded: until then the index holds some or none,
    /// and search by meaning would rank as if most papers had no vector.
    /// </summary>
    public bool IsLoaded => _isLoaded;

    /// <summary>The first catch-up with the store has finished.</summary>
    public void MarkLoaded() => _isLoaded = true;

    /// <summary>The last <c>vector_changes</c> sequence loaded from the store.</summary>
    public long AppliedSequence => Interlocked.Read(ref _appliedSequence);

    public int Count => Read(() => _keys.Count);

    /// <summary>Bytes the graph and its vectors hold in native memory.</summary>
    public long MemoryBytes => Read(() => _graph.MemoryBytes);

    /// <summary>Concurrent calls into the graph; more wait their turn (a request thread rarely waits: a search is ~1 ms).</summary>
    private static int SearchThreads => Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Adds or replaces vectors; <paramref name="sequence"/> is the highest store sequence they cover.</summary>
    public void Apply(IEnumerable<(string Id, ReadOnlyMemory<float> Vector)> vectors, long sequence)
    {
        // The last vector of a paper named twice: a graph node per paper, never an orphan.
        var latest = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        foreach (var (id, vector) in vectors)
        {
            if (vector.Length != Dimensions)
            {
                throw new ArgumentException($"Vector of {id} has {vector.Length} dimensions, expected {Dimensions}.", nameof(vectors));
            }

            latest[id] = vector;
        }

        var batch = latest.Select(v => (Id: v.Key, Vector: v.Value)).ToList();

        var added = new (ulong Key, ReadOnlyMemory<float> Vector)[batch.Count];
        _lock.EnterWriteLock();
        try
        {
            // Room first: growing the graph moves it, which no search may see half-done.
            var needed = (long)_nextKey + batch.Count;
            if (_graph.Capacity < needed)
            {
                // By an eighth: USearch holds the reserved room in memory, and at millions of vectors a half would be ~0.5 GB unused.
                _graph.Reserve(Math.Max(needed, Math.Max(1024, _graph.Capacity + (_graph.Capacity / 8))));
            }

            if (_ids.Length < needed)
            {
                Array.Resize(ref _ids, (int)Math.Max(needed, Math.Max(1024, _ids.Length * 3L / 2)));
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var (id, vector) = batch[i];
                if (_keys.TryGetValue(id, out var old))
                {
                    _graph.Remove(old);
                    _ids[old] = null;
                }

                var key = _nextKey++;
                _ids[key] = id;
                _keys[id] = key;
                added[i] = (key, vector);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        // Outside the write lock: USearch adds and searches run side by side, so a long catch-up does not stall searches.
        _lock.EnterReadLock();
        try
        {
            if (added.Length < ParallelAddThreshold)
            {
                foreach (var (key, vector) in added)
                {
                    _graph.Add(key, vector.Span);
                }
            }
            else
            {
                Parallel.ForEach(added, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, a => _graph.Add(a.Key, a.Vector.Span));
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        if (sequence > AppliedSequence)
        {
            Interlocked.Exchange(ref _appliedSequence, sequence);
        }
    }

    /// <summary>The paper's vector as the graph holds it (quantized), or null when it has none yet.</summary>
    public float[]? Find(string id)
    {
        _lock.EnterReadLock();
        try
        {
            var vector = new float[Dimensions];
            return _keys.TryGetValue(id, out var key) && _graph.TryGet(key, vector) ? vector : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> vectors drawn at random, without <paramref name="except"/>: the papers a reader
    /// passed over, as negatives for their model. The same seed over the same index draws the same ones.
    /// </summary>
    public IReadOnlyList<float[]> Sample(int count, int seed, IReadOnlySet<string> except)
    {
        _lock.EnterReadLock();
        try
        {
            var slots = (int)_nextKey;
            var random = new Random(seed);
            var chosen = new HashSet<int>();
            var sample = new List<float[]>(Math.Min(count, _keys.Count));
            // Draws without replacement; when asked for most of the index, a shuffle would be cheaper, but readers' samples are a small part.
            for (var tries = 0; sample.Count < count && chosen.Count < slots && tries < count * 4; tries++)
            {
                var slot = random.Next(slots);
                var vector = new float[Dimensions];
                if (chosen.Add(slot) && _ids[slot] is { } id && !except.Contains(id) && _graph.TryGet((ulong)slot, vector))
                {
                    sample.Add(vector);
                }
            }

            return sample;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The <paramref name="k"/> nearest vectors, nearest first. With <paramref name="within"/>, exactly those papers are
    /// scored, one by one (a day's listing, a small filtered set); <paramref name="except"/> is left out (the paper itself).
    /// </summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, IReadOnlyCollection<string>? within = null, string? except = null)
    {
        CheckQuery(query);
        if (k <= 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            return within is null ? Nearest(query, k, null, except) : Scan(query, k, within, except);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The <paramref name="k"/> nearest among <paramref name="allowed"/> (see <see cref="Allow"/>), searched in the graph.</summary>
    internal IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, AllowedKeys allowed)
    {
        CheckQuery(query);
        if (k <= 0 || allowed.Count == 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            return Nearest(query, k, allowed, null);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The graph keys of these papers (those with a vector), for a filtered <see cref="Search(ReadOnlySpan{float}, int, AllowedKeys)"/>.</summary>
    internal AllowedKeys Allow(IEnumerable<string> ids)
    {
        _lock.EnterReadLock();
        try
        {
            var allowed = new AllowedKeys((long)_nextKey);
            foreach (var id in ids)
            {
                if (_keys.TryGetValue(id, out var key))
                {
                    allowed.Add(key);
                }
            }

            return allowed;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _graph.Dispose();
        _lock.Dispose();
    }

    /// <summary>Writes the graph and its keys to these files (see <see cref="VectorIndexFiles"/>); the caller is the only writer.</summary>
    internal void SaveTo(string graphPath, string keysPath)
    {
        _lock.EnterReadLock();
        try
        {
            _graph.Save(graphPath);
            using var keys = new BinaryWriter(File.Create(keysPath));
            keys.Write((long)_nextKey);
            for (var key = 0UL; key < _nextKey; key++)
            {
                keys.Write(_ids[key] ?? string.Empty);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Replaces everything held with a saved graph and its keys, as of <paramref name="sequence"/>.</summary>
    internal void LoadFrom(string graphPath, string keysPath, long sequence)
    {
        var graph = HnswGraph.Load(graphPath, Settings, Dimensions, SearchThreads);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(keysPath));
            var count = reader.ReadInt64();
            if (count < 0 || count > int.MaxValue)
            {
                throw new InvalidDataException($"{keysPath} says it holds {count} keys.");
            }

            var ids = new string?[Math.Max(count, 1024)];
            var keys = new Dictionary<string, ulong>((int)Math.Min(count, graph.Count), StringComparer.Ordinal);
            for (var key = 0UL; key < (ulong)count; key++)
            {
                var id = reader.ReadString();
                if (id.Length > 0)
                {
                    ids[key] = id;
                    keys[id] = key;
                }
            }

            if (keys.Count != graph.Count)
            {
                throw new InvalidDataException($"{keysPath} names {keys.Count} papers, but the graph holds {graph.Count} vectors.");
            }

            _lock.EnterWriteLock();
            try
            {
                (_graph, graph) = (graph, _graph);
                _ids = ids;
                _nextKey = (ulong)count;
                _keys.Clear();
                _keys.EnsureCapacity(keys.Count);
                foreach (var (id, key) in keys)
                {
                    _keys[id] = key;
                }

                Interlocked.Exchange(ref _appliedSequence, sequence);
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
        finally
        {
            // The graph replaced (or, on failure, the one just loaded).
            graph.Dispose();
        }
    }

    /// <summary>Forgets every vector (a rebuild starts from an empty graph).</summary>
    internal void Clear()
    {
        var empty = HnswGraph.Create(Settings, Dimensions, SearchThreads);
        _lock.EnterWriteLock();
        try
        {
            (_graph, empty) = (empty, _graph);
            _ids = [];
            _nextKey = 0;
            _keys.Clear();
            Interlocked.Exchange(ref _appliedSequence, 0);
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        empty.Dispose();
    }

    private List<VectorHit> Nearest(ReadOnlySpan<float> query, int k, AllowedKeys? allowed, string? except)
    {
        // One more when the paper itself may come back; the graph never returns more than it holds.
        var wanted = Math.Min(k + (except is null ? 0 : 1), Math.Max(_keys.Count, 1));
        var keys = new ulong[wanted];
        var distances = new float[wanted];
        var found = _graph.Search(query, keys, distances, allowed);
        var hits = new List<VectorHit>(found);
        for (var i = 0; i < found && hits.Count < k; i++)
        {
            if (_ids[keys[i]] is { } id && id != except)
            {
                hits.Add(new VectorHit(id, 1 - distances[i]));
            }
        }

        return hits;
    }

    private List<VectorHit> Scan(ReadOnlySpan<float> query, int k, IReadOnlyCollection<string> within, string? except)
    {
        var scored = new List<VectorHit>(within.Count);
        Span<float> vector = stackalloc float[Dimensions];
        var queryNorm = TensorPrimitives.Norm(query);
        foreach (var id in within)
        {
            if (id != except && _keys.TryGetValue(id, out var key) && _graph.TryGet(key, vector))
            {
                // A cosine, as the graph scores: stored vectors are unit length only up to their quantization.
                scored.Add(new VectorHit(id, TensorPrimitives.Dot(query, vector) / (queryNorm * TensorPrimitives.Norm(vector))));
            }
        }

        // Stable: at equal scores, the order they were given in.
        return [.. scored.OrderByDescending(h => h.Score).Take(k)];
    }

    private void CheckQuery(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions, expected {Dimensions}.", nameof(query));
        }
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
