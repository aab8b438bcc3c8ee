using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Tests.Search.Embeddings;
using DailyPapers.Tests.Search.Lexical;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>
/// Search by meaning under a restriction too broad to list its papers: the nearest papers that pass, as an exact scan of
/// the passing papers finds them, even when the query is far from all of them (the nearest hundreds of the whole store
/// hold none, so the look is widened, or the graph searched for the passing papers alone).
/// </summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class RestrictedNearestTests(EmbeddingModels models)
{
    private const int Passing = 100;
    private const int Others = 1000;

    [Fact]
    public async Task A_query_far_from_every_passing_paper_gets_the_nearest_of_them()
    {
        // A scope of more than one paper is "too many to list", so the over-fetch path is taken; no similarity floor.
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm, new HybridOptions { ScopeLimit = 1, MinSimilarity = -1 });
        var papers = Enumerable.Range(0, Passing).Select(i => LexicalPapers.Paper($"2501.{i:D5}", $"Paper {i}", categories: "cs.CV"))
            .Concat(Enumerable.Range(0, Others).Select(i => LexicalPapers.Paper($"2502.{i:D5}", $"Paper {i}", categories: "q-bio.BM")));
        await bed.Lexical.WriteAsync([.. papers]);
        await bed.Lexical.CatchUpAsync();

        // The cs.CV papers lie around one direction, the others around another, and the query points at the others.
        var dimensions = bed.Embedder.Dimensions;
        var random = new Random(7);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var pending in await bed.Vectors.ReadPendingAsync(bed.Embedder.Profile.Name, null, Passing + Others, CancellationToken.None))
        {
            vectors[pending.Id] = Around(pending.Id.StartsWith("2501.", StringComparison.Ordinal) ? 0 : 1, dimensions, random);
        }

        var all = await bed.Vectors.ReadPendingAsync(bed.Embedder.Profile.Name, null, Passing + Others, CancellationToken.None);
        await bed.Vectors.WriteAsync(bed.Embedder.Profile.Name, all, vectors, CancellationToken.None);
        await bed.Follower.CatchUpAsync(CancellationToken.None);
        var query = Around(1, dimensions, random);

        // Ten candidates: the first over-fetch (the 220 nearest) holds none of the passing papers, nor the next (880); the
        // third looks at every paper.
        var found = bed.Search.NearestIds(query, SearchQuery.Parse(null), new SearchFilters { Categories = ["cs.CV"] }, 10).ToList();

        var exact = vectors.Where(v => v.Key.StartsWith("2501.", StringComparison.Ordinal))
            .OrderByDescending(v => Dot(v.Value, query)).Take(10).Select(v => v.Key);
        // Ten papers, every one passing, and the nearest of them: the scores here are within a few thousandths of each
        // other, so one of the ten may trade places with the eleventh.
        Assert.Equal(10, found.Count);
        Assert.All(found, id => Assert.StartsWith("2501.", id, StringComparison.Ordinal));
        Assert.InRange(exact.Intersect(found, StringComparer.Ordinal).Count(), 9, 10);
    }

    /// <summary>A unit vector near axis <paramref name="axis"/>: the axis plus small random noise.</summary>
    private static float[] Around(int axis, int dimensions, Random random)
    {
        var noise = BenchVectors.UnitVector(random, dimensions);
        var vector = noise.Select(x => x * 0.3f).ToArray();
        vector[axis] += 1f;
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / norm)];
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
