using System.Runtime.InteropServices;
using static DailyPapers.Infrastructure.Search.Vectors.Ann.UsearchNative;

namespace DailyPapers.Infrastructure.Search.Vectors.Ann;

/// <summary>
/// One USearch HNSW graph over cosine distance with int8 (or f16) vectors, keyed by <c>ulong</c>. Safe for many
/// searching threads and one adding thread at a time; <see cref="Reserve"/> and <see cref="Save"/> need the caller to
/// keep searches out (USearch reallocates and walks the graph).
/// </summary>
/// <remarks>
/// USearch serves each call from one of a fixed set of per-thread contexts and has no way to wait for one: a call
/// beyond them would use a context that does not exist. <see cref="_contexts"/> makes extra callers wait instead.
/// </remarks>
internal sealed unsafe class HnswGraph : IDisposable
{
    private readonly SemaphoreSlim _contexts;
    private nint _handle;

    private HnswGraph(nint handle, int dimensions, int threads)
    {
        _handle = handle;
        Dimensions = dimensions;
        Threads = threads;
        _contexts = new SemaphoreSlim(threads, threads);
        ChangeThreadsSearch(handle, (nuint)threads, out var error);
        Check(error, "reserve search threads");
        ChangeThreadsAdd(handle, (nuint)threads, out error);
        Check(error, "reserve add threads");
    }

    public int Dimensions { get; }

    /// <summary>How many calls may run at once.</summary>
    public int Threads { get; }

    public long Count => (long)Size(_handle, out _);

    public long Capacity => (long)UsearchNative.Capacity(_handle, out _);

    /// <summary>Bytes the graph and its vectors hold in memory.</summary>
    public long MemoryBytes => (long)MemoryUsage(_handle, out _);

    public static HnswGraph Create(HnswSettings settings, int dimensions, int threads)
    {
        var options = settings.ToOptions(dimensions);
        var handle = Init(ref options, out var error);
        Check(error, "create an index");
        return new HnswGraph(handle, dimensions, threads).WithExpansion(settings.ExpansionSearch);
    }

    /// <summary>Reads a saved graph into memory; throws <see cref="AnnIndexException"/> for an unreadable file.</summary>
    public static HnswGraph Load(string path, HnswSettings settings, int dimensions, int threads)
    {
        var options = settings.ToOptions(dimensions);
        var handle = Init(ref options, out var error);
        Check(error, "create an index");
        UsearchNative.Load(handle, path, out error);
        if (error != 0)
        {
            var message = Marshal.PtrToStringUTF8(error);
            Free(handle, out _);
            throw new AnnIndexException($"USearch could not load {path}: {message}");
        }

        return new HnswGraph(handle, dimensions, threads).WithExpansion(settings.ExpansionSearch);
    }

    /// <summary>Room for <paramref name="capacity"/> vectors in all.</summary>
    public void Reserve(long capacity)
    {
        UsearchNative.Reserve(_handle, (nuint)capacity, out var error);
        Check(error, "reserve memory");
    }

    public void Add(ulong key, ReadOnlySpan<float> vector)
    {
        CheckLength(vector.Length);
        _contexts.Wait();
        try
        {
            fixed (float* values = vector)
            {
                UsearchNative.Add(_handle, key, values, ScalarF32, out var error);
                Check(error, "add a vector");
            }
        }
        finally
        {
            _contexts.Release();
        }
    }

    public void Remove(ulong key)
    {
        UsearchNative.Remove(_handle, key, out var error);
        Check(error, "remove a vector");
    }

    /// <summary>The stored (quantized) vector as floats; false when the key is absent.</summary>
    public bool TryGet(ulong key, Span<float> vector)
    {
        CheckLength(vector.Length);
        fixed (float* values = vector)
        {
            var found = Get(_handle, key, 1, values, ScalarF32, out var error);
            Check(error, "read a vector");
            return found > 0;
        }
    }

    /// <summary>Fills <paramref name="keys"/> and <paramref name="distances"/> (cosine distance) nearest first; returns how many.</summary>
    public int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances, AllowedKeys? allowed = null)
    {
        CheckLength(query.Length);
        var count = Math.Min(keys.Length, distances.Length);
        _contexts.Wait();
        try
        {
            fixed (float* values = query)
            fixed (ulong* keyOut = keys)
            fixed (float* distanceOut = distances)
            {
                nint error;
                nuint found;
                if (allowed is null)
                {
                    found = UsearchNative.Search(_handle, values, ScalarF32, (nuint)count, keyOut, distanceOut, out error);
                }
                else
                {
                    fixed (ulong* bits = allowed.Bits)
                    {
                        var state = new AllowedKeys.State(bits, allowed.Bits.Length);
                        found = FilteredSearch(_handle, values, ScalarF32, (nuint)count, &AllowedKeys.Test, &state, keyOut, distanceOut, out error);
                    }
                }

                Check(error, "search");
                return (int)found;
            }
        }
        finally
        {
            _contexts.Release();
        }
    }

    public void Save(string path)
    {
        UsearchNative.Save(_handle, path, out var error);
        Check(error, $"save {path}");
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            Free(_handle, out _);
            _handle = 0;
        }

        _contexts.Dispose();
    }

    private HnswGraph WithExpansion(int expansion)
    {
        ChangeExpansionSearch(_handle, (nuint)expansion, out var error);
        Check(error, "set the search expansion");
        return this;
    }

    private void CheckLength(int length)
    {
        if (length != Dimensions)
        {
            throw new ArgumentException($"A vector of {length} dimensions, expected {Dimensions}.");
        }
    }
}
