using System.Runtime.InteropServices;

namespace DailyPapers.Infrastructure.Search.Vectors.Ann;

/// <summary>
/// USearch's C API, from the native library that the <c>Cloud.Unum.USearch</c> package ships. Its managed wrapper
/// lacks what this index needs (filtered search, the search beam, thread contexts, memory use) and pins a handle per
/// vector, so these few functions are declared here as the library's <c>c/usearch.h</c> defines them.
/// </summary>
internal static partial class UsearchNative
{
    private const string Library = "libusearch_c";

    public const uint MetricCos = 1;
    public const uint ScalarF32 = 1;
    public const uint ScalarF16 = 3;
    public const uint ScalarI8 = 4;

    [StructLayout(LayoutKind.Sequential)]
    public struct InitOptions
    {
        public uint MetricKind;
        public nint Metric;
        public uint Quantization;
        public nuint Dimensions;
        public nuint Connectivity;
        public nuint ExpansionAdd;
        public nuint ExpansionSearch;
        public byte Multi;
    }

    [LibraryImport(Library, EntryPoint = "usearch_init")]
    public static partial nint Init(ref InitOptions options, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_free")]
    public static partial void Free(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_save", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Save(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Load(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_metadata", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Metadata(string path, ref InitOptions options, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_size")]
    public static partial nuint Size(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_capacity")]
    public static partial nuint Capacity(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_memory_usage")]
    public static partial nuint MemoryUsage(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_reserve")]
    public static partial void Reserve(nint index, nuint capacity, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_search")]
    public static partial void ChangeExpansionSearch(nint index, nuint expansion, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_add")]
    public static partial void ChangeThreadsAdd(nint index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_search")]
    public static partial void ChangeThreadsSearch(nint index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_add")]
    public static unsafe partial void Add(nint index, ulong key, float* vector, uint vectorKind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_remove")]
    public static partial nuint Remove(nint index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_get")]
    public static unsafe partial nuint Get(nint index, ulong key, nuint count, float* vector, uint vectorKind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_search")]
    public static unsafe partial nuint Search(
        nint index, float* query, uint queryKind, nuint count, ulong* keys, float* distances, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_filtered_search")]
    public static unsafe partial nuint FilteredSearch(
        nint index, float* query, uint queryKind, nuint count,
        delegate* unmanaged<ulong, void*, int> filter, void* filterState, ulong* keys, float* distances, out nint error);

    /// <summary>Throws when a call reported an error (USearch's messages are static strings, never freed).</summary>
    public static void Check(nint error, string operation)
    {
        if (error != 0)
        {
            throw new AnnIndexException($"USearch could not {operation}: {Marshal.PtrToStringUTF8(error)}");
        }
    }
}
