using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>
/// The vector index over USearch's graph: ranking, scoping, replacement and bad input. Vectors are held as int8, so
/// values read back and scores are equal to about 1%.
/// </summary>
public sealed class VectorIndexTests
{
    [Fact]
    public void Search_returns_the_k_nearest_best_first_with_their_cosine()
    {
        using var index = Index(("a", [1, 0, 0]), ("b", [0.6f, 0.8f, 0]), ("c", [0, 0, 1]), ("d", [0.8f, 0.6f, 0]));

        var hits = index.Search([1, 0, 0], 3);

        Assert.Equal(["a", "d", "b"], hits.Select(h => h.Id));
        Assert.Equal([1f, 0.8f, 0.6f], hits.Select(h => h.Score), new Close());
    }

    [Fact]
    public void Search_can_be_limited_to_some_papers_and_leave_one_out()
    {
        using var index = Index(("a", [1, 0, 0]), ("b", [0.6f, 0.8f, 0]), ("c", [0, 0, 1]), ("d", [0.8f, 0.6f, 0]));

        Assert.Equal(["b", "c"], index.Search([1, 0, 0], 5, within: ["c", "b", "unknown"]).Select(h => h.Id));
        Assert.Equal(["d", "b"], index.Search([1, 0, 0], 2, except: "a").Select(h => h.Id));
        Assert.Empty(index.Search([1, 0, 0], 0));
    }

    [Fact]
    public void A_vector_applied_again_replaces_the_old_one_and_the_sequence_only_moves_forward()
    {
        using var index = Index(("a", [1, 0, 0]), ("b", [0, 1, 0]));

        index.Apply([("a", new float[] { 0, 0, 1 })], 7);
        index.Apply([], 3);

        Assert.Equal(2, index.Count);
        Assert.Equal([0f, 0f, 1f], index.Find("a")!, new Close());
        Assert.Equal("a", index.Search([0, 0, 1], 1)[0].Id);
        Assert.Equal(7, index.AppliedSequence);
        Assert.Null(index.Find("zzz"));
    }

    [Fact]
    public void Growing_past_the_first_allocation_keeps_every_vector()
    {
        using var index = new VectorIndex(2);
        index.Apply(Enumerable.Range(0, 5000).Select(i => ($"p{i}", (ReadOnlyMemory<float>)new float[] { MathF.Cos(i), MathF.Sin(i) })), 5000);

        Assert.Equal(5000, index.Count);
        Assert.Equal([MathF.Cos(4321), MathF.Sin(4321)], index.Find("p4321")!, new Close());
        Assert.Equal(1f, index.Search([MathF.Cos(4321), MathF.Sin(4321)], 1)[0].Score, 0.01f);
    }

    [Fact]
    public void Vectors_of_the_wrong_width_are_refused()
    {
        using var index = new VectorIndex(3);

        Assert.Throws<ArgumentException>(() => index.Apply([("a", new float[] { 1, 0 })], 1));
        Assert.Throws<ArgumentException>(() => index.Search([1, 0], 1));
    }

    private static VectorIndex Index(params (string Id, float[] Vector)[] vectors)
    {
        var index = new VectorIndex(3);
        index.Apply(vectors.Select(v => (v.Id, (ReadOnlyMemory<float>)v.Vector)), vectors.Length);
        return index;
    }

    private sealed class Close : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 0.01f;

        public int GetHashCode(float obj) => 0;
    }
}
