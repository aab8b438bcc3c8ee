namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>
/// SplitMix64, seeded per generated paper from (seed, index): the same numbers on every machine and .NET version
/// (System.Random promises neither), and any paper's choices can be drawn without drawing the ones before it.
/// </summary>
internal struct SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed, long index)
    {
        _state = seed;
        _state = Mix(NextRaw() ^ (ulong)index);
    }

    /// <summary>A number from 0 to <paramref name="bound"/> - 1.</summary>
    public int Next(int bound) => (int)(NextRaw() % (ulong)bound);

    /// <summary>A number from 0 (inclusive) to 1 (exclusive), from the top 53 bits.</summary>
    public double NextDouble() => (NextRaw() >> 11) * (1.0 / (1UL << 53));

    private ulong NextRaw()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
