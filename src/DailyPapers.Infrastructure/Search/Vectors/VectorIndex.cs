using System.Numerics.Tensors;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Every stored vector of one model in one contiguous array, searched exactly: 75k papers × 384 floats is 115 MB and
/// a full scan a few milliseconds with SIMD, so no approximate index (and none of its recall loss) is needed yet.
/// Safe for many searching threads and one writer.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private string[] _ids = [];
    private float[] _data = [];
    private long _appliedSequence;
    private volatile bool _isLoaded;

    /// <param name="loadsFromStore">
    /// The index of a running site, filled from the store by <see cref="VectorIndexFollower"/>: not
    /// <see cref="IsLoaded"/> until its first catch-up ends. An index filled by its maker (benchmarks) is loaded at once.
    /// </param>
    public VectorIndex(int dimensions, bool loadsFromStore = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        _isLoaded = !loadsFromStore;
    }

    public int Dimensions { get; }

    /// <summary>
    /// Whether every vector stored when the process started has been loaded: until then the index holds some or none,
    /// and search by meaning would rank as if most papers had no vector.
    /// </summary>
    public bool IsLoaded => _isLoaded;

    /// <summary>The first catch-up with the store has finished.</summary>
    public void MarkLoaded() => _isLoaded = true;

    /// <summary>The last <c>vector_changes</c> sequence loaded from the store.</summary>
    public long AppliedSequence => Interlocked.Read(ref _appliedSequence);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slots.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds or replaces vectors; <paramref name="sequence"/> is the highest store sequence they cover.</summary>
    public void Apply(IEnumerable<(string Id, ReadOnlyMemory<float> Vector)> vectors, long sequence)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var (id, vector) in vectors)
            {
                if (vector.Length != Dimensions)
                {
                    throw new ArgumentException($"Vector of {id} has {vector.Length} dimensions, expected {Dimensions}.", nameof(vectors));
                }

                if (!_slots.TryGetValue(id, out var slot))
                {
                    slot = _slots.Count;
                    EnsureCapacity(slot + 1);
                    _ids[slot] = id;
                    _slots.Add(id, slot);
                }

                vector.Span.CopyTo(_data.AsSpan(slot * Dimensions, Dimensions));
            }

            if (sequence > _appliedSequence)
            {
                Interlocked.Exchange(ref _appliedSequence, sequence);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>A copy of the paper's vector, or null when it has none yet.</summary>
    public float[]? Find(string id)
    {
        _lock.EnterReadLock();
        try
        {
            return _slots.TryGetValue(id, out var slot) ? _data.AsSpan(slot * Dimensions, Dimensions).ToArray() : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Copies of up to <paramref name="count"/> vectors drawn at random, without <paramref name="except"/>: the papers a
    /// reader passed over, as negatives for their model. The same seed over the same index draws the same ones.
    /// </summary>
    public IReadOnlyList<float[]> Sample(int count, int seed, IReadOnlySet<string> except)
    {
        _lock.EnterReadLock();
        try
        {
            var total = _slots.Count;
            var random = new Random(seed);
            var chosen = new HashSet<int>();
            var sample = new List<float[]>(Math.Min(count, total));
            // Draws without replacement; when asked for most of the index, a shuffle would be cheaper, but readers' samples are a small part.
            for (var tries = 0; sample.Count < count && chosen.Count < total && tries < count * 4; tries++)
            {
                var slot = random.Next(total);
                if (chosen.Add(slot) && !except.Contains(_ids[slot]))
                {
                    sample.Add(_data.AsSpan(slot * Dimensions, Dimensions).ToArray());
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
    /// The <paramref name="k"/> nearest vectors, nearest first (equal scores in the order loaded). With <paramref name="within"/>, only those
    /// papers are scored (a day's listing, a filtered set); <paramref name="except"/> is left out (the paper itself).
    /// </summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, IReadOnlyCollection<string>? within = null, string? except = null)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions, expected {Dimensions}.", nameof(query));
        }

        if (k <= 0)
        {
            return [];
        }

        var best = new TopK(k);
        _lock.EnterReadLock();
        try
        {
            var exceptSlot = except is not null && _slots.TryGetValue(except, out var s) ? s : -1;
            if (within is null)
            {
                for (var slot = 0; slot < _slots.Count; slot++)
                {
                    if (slot != exceptSlot)
                    {
                        best.Offer(slot, TensorPrimitives.Dot(query, _data.AsSpan(slot * Dimensions, Dimensions)));
                    }
                }
            }
            else
            {
                foreach (var id in within)
                {
                    if (_slots.TryGetValue(id, out var slot) && slot != exceptSlot)
                    {
                        best.Offer(slot, TensorPrimitives.Dot(query, _data.AsSpan(slot * Dimensions, Dimensions)));
                    }
                }
            }

            return best.Drain(_ids);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private void EnsureCapacity(int slots)
    {
        if (_ids.Length >= slots)
        {
            return;
        }

        var capacity = Math.Max(slots, Math.Max(1024, _ids.Length * 2));
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _data, capacity * Dimensions);
    }

    /// <summary>A bounded min-heap of (score, slot): the worst of the best k is at the top, ready to be replaced.</summary>
    private sealed class TopK(int k)
    {
        private readonly PriorityQueue<int, (float Score, int Slot)> _heap = new(k + 1, WorstFirst.Instance);

        public void Offer(int slot, float score)
        {
            if (_heap.Count < k)
            {
                _heap.Enqueue(slot, (score, slot));
            }
            else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, slot), worst) > 0)
            {
                _heap.DequeueEnqueue(slot, (score, slot));
            }
        }

        public VectorHit[] Drain(string[] ids)
        {
            var hits = new VectorHit[_heap.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                _heap.TryDequeue(out var slot, out var priority);
                hits[i] = new VectorHit(ids[slot], priority.Score);
            }

            return hits;
        }
    }

    /// <summary>Lower score first; at equal score the later slot counts as worse, so the order is stable.</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Slot)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Slot) x, (float Score, int Slot) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Slot.CompareTo(x.Slot);
    }
}
