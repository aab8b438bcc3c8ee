using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DailyPapers.Infrastructure.Search.Vectors.Ann;

/// <summary>A set of graph keys as a bitset, for a search that may only return those (a filter's papers).</summary>
internal sealed class AllowedKeys(long capacity)
{
    public ulong[] Bits { get; } = new ulong[(capacity + 63) / 64];

    public int Count { get; private set; }

    public void Add(ulong key)
    {
        ref var word = ref Bits[(int)(key >> 6)];
        var bit = 1UL << (int)(key & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            Count++;
        }
    }

    public bool Contains(ulong key) => (key >> 6) < (ulong)Bits.Length && (Bits[(int)(key >> 6)] & (1UL << (int)(key & 63))) != 0;

    /// <summary>What the native search is handed: the bits and their length.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal readonly unsafe struct State(ulong* bits, int words)
    {
        public readonly ulong* Bits = bits;
        public readonly int Words = words;
    }

    /// <summary>Called by USearch for each candidate key: 1 to allow it.</summary>
    [UnmanagedCallersOnly]
    internal static unsafe int Test(ulong key, void* state)
    {
        var allowed = (State*)state;
        var word = key >> 6;
        return word < (ulong)allowed->Words && (allowed->Bits[word] & (1UL << (int)(key & 63))) != 0 ? 1 : 0;
    }
}
