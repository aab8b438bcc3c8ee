using System.Numerics.Tensors;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Tests.Harvesting;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>
/// The approximate index on the real USearch library, at a size where the exact answer is cheap to compute: the graph
/// plus exact rescoring must give what a full scan of the float vectors gives, filtered or not, after incremental
/// updates, and after a save and a load; a saved file that is damaged or made for something else is never served.
/// </summary>
public sealed class AnnIndexTests : IDisposable
{
    private const int Dimensions = 48;

    /// <summary>Fewer vectors than <c>VectorIndex</c> adds in parallel.</summary>
    private const int TinyCorpus = 250;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dailypapers-ann-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _log = new();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void The_graph_with_rescoring_ranks_as_the_exact_scan_does()
    {
        // Tiny, so that the graph is built one vector at a time, the same way every run: built on every core, the order
        // of insertion varies and with it, now and then, one neighbour of forty queries' hundred candidates.
        var corpus = Corpus(TinyCorpus, seed: 1);
        using var index = Build(corpus);
        var searcher = Searcher(index, corpus);

        foreach (var query in Queries(corpus, 40))
        {
            Assert.Equal(Exact(corpus, query, 10), searcher.Search(query, 100).Take(10).Select(h => h.Id));
        }
    }

    [Fact]
    public void A_filtered_search_returns_the_nearest_allowed_papers_and_no_others()
    {
        var corpus = Corpus(TinyCorpus, seed: 2);
        using var index = Build(corpus);
        var searcher = Searcher(index, corpus);
        // One paper in five passes: too few for the plain graph's first twenty to hold ten of them.
        var allowed = corpus.Keys.Where((_, i) => i % 5 == 2).ToHashSet(StringComparer.Ordinal);
        var keys = searcher.Allow(allowed);

        foreach (var query in Queries(corpus, 20))
        {
            var hits = searcher.Search(query, 20, keys);
            Assert.All(hits, h => Assert.Contains(h.Id, allowed));
            Assert.Equal(Exact(corpus, query, 10, allowed), hits.Take(10).Select(h => h.Id));
        }
    }

    [Fact]
    public void A_scoped_search_scores_exactly_the_listed_papers()
    {
        var corpus = Corpus(500, seed: 3);
        using var index = Build(corpus);
        var searcher = Searcher(index, corpus);
        var within = corpus.Keys.Take(40).Append("not-indexed").ToList();
        var query = Queries(corpus, 1)[0];

        Assert.Equal(Exact(corpus, query, 5, within.ToHashSet()), searcher.Search(query, 5, within).Select(h => h.Id));
    }

    [Fact]
    public void Replaced_vectors_are_found_at_their_new_place_and_never_at_the_old()
    {
        var corpus = Corpus(TinyCorpus, seed: 4);
        using var index = Build(corpus);
        var moved = corpus.Keys.First();
        var target = corpus.Keys.Last();
        var near = Nudge(corpus[target], 0.01f, new Random(9));

        index.Apply([(moved, near)], 2000);
        corpus[moved] = near;

        Assert.Equal(TinyCorpus, index.Count);
        Assert.Equal(2000, index.AppliedSequence);
        var hits = Searcher(index, corpus).Search(corpus[target], 2);
        Assert.Equal(new[] { target, moved }.Order(), hits.Select(h => h.Id).Order());
        Assert.Equal(Exact(corpus, corpus[target], 10), Searcher(index, corpus).Search(corpus[target], 100).Take(10).Select(h => h.Id));
    }

    [Fact]
    public void A_paper_named_twice_in_one_batch_keeps_its_last_vector_and_one_node()
    {
        var corpus = Corpus(200, seed: 8);
        using var index = Build(corpus);
        var id = corpus.Keys.First();
        var first = Nudge(corpus[corpus.Keys.Last()], 0.01f, new Random(1));
        var last = Nudge(corpus[corpus.Keys.Skip(100).First()], 0.01f, new Random(2));

        index.Apply([(id, first), (id, last)], 201);
        Files().Save(index);
        using var loaded = new VectorIndex(Dimensions, loadsFromStore: true);

        Assert.Equal(200, index.Count);
        Assert.True(Files().TryLoad(loaded, 201));
        Assert.Equal(200, loaded.Count);
        Assert.Contains(id, loaded.Search(last, 2).Select(h => h.Id));
        Assert.DoesNotContain(id, loaded.Search(first, 2).Select(h => h.Id));
    }

    [Fact]
    public void A_saved_index_loads_with_every_vector_its_sequence_and_its_answers()
    {
        var corpus = Corpus(2000, seed: 5);
        using var index = Build(corpus);
        index.Apply([(corpus.Keys.First(), corpus[corpus.Keys.First()])], 2001);
        Files().Save(index);

        using var loaded = new VectorIndex(Dimensions, loadsFromStore: true);
        Assert.True(Files().TryLoad(loaded, storeSequence: 2001));

        Assert.Equal(2000, loaded.Count);
        Assert.Equal(2001, loaded.AppliedSequence);
        foreach (var query in Queries(corpus, 10))
        {
            Assert.Equal(Searcher(index, corpus).Search(query, 20).Select(h => h.Id), Searcher(loaded, corpus).Search(query, 20).Select(h => h.Id));
        }

        // And it goes on following: a new paper is found.
        var added = Nudge(corpus[corpus.Keys.Last()], 0.5f, new Random(3));
        loaded.Apply([("new-paper", added)], 2002);
        Assert.Equal("new-paper", loaded.Search(added, 1)[0].Id);
    }

    [Theory]
    [InlineData("graph byte")]
    [InlineData("keys byte")]
    [InlineData("truncated graph")]
    [InlineData("no manifest")]
    public void A_damaged_file_is_detected_logged_removed_and_not_served(string damage)
    {
        var corpus = Corpus(1000, seed: 6);
        using var index = Build(corpus);
        var files = Files();
        files.Save(index);
        Damage(files, damage);

        using var loaded = new VectorIndex(Dimensions, loadsFromStore: true);

        Assert.False(Files().TryLoad(loaded, storeSequence: 1000));
        Assert.Equal(0, loaded.Count);
        Assert.False(File.Exists(files.GraphPath));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("rebuilding it from the store", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_for_another_model_dimension_settings_or_a_newer_store_is_rebuilt()
    {
        var corpus = Corpus(300, seed: 7);
        using var index = Build(corpus);
        Files().Save(index);

        using var wider = new VectorIndex(Dimensions * 2, loadsFromStore: true);
        Assert.False(Files().TryLoad(wider, 300));
        Assert.Contains(_log.Entries, e => e.Message.Contains($"({Dimensions} dimensions)", StringComparison.Ordinal));

        Files().Save(index);
        using var f16 = new VectorIndex(Dimensions, loadsFromStore: true, VectorIndexOptions.DefaultSettings with { Quantization = "f16" });
        Assert.False(Files().TryLoad(f16, 300));
        Assert.Contains(_log.Entries, e => e.Message.Contains("other graph settings", StringComparison.Ordinal));

        Files().Save(index);
        using var same = new VectorIndex(Dimensions, loadsFromStore: true);
        Assert.False(Files("another-model").TryLoad(same, 300));
        Assert.False(Files().TryLoad(same, storeSequence: 299));
        Assert.Contains(_log.Entries, e => e.Message.Contains("the store was restored or replaced", StringComparison.Ordinal));

        Files().Save(index);
        var renamed = Files("another-model");
        File.Copy(Files().GraphPath, renamed.GraphPath);
        File.Copy(Files().KeysPath, renamed.KeysPath);
        File.Copy(Files().ManifestPath, renamed.ManifestPath);
        Assert.False(renamed.TryLoad(same, 300));
        Assert.Contains(_log.Entries, e => e.Message.Contains($"was built for the model {EmbeddingModelProfile.For(EmbeddingModelKind.MiniLm).Name}", StringComparison.Ordinal));
    }

    private VectorIndexFiles Files(string? model = null) =>
        new(_directory, model ?? EmbeddingModelProfile.For(EmbeddingModelKind.MiniLm).Name, _log.CreateLogger("VectorIndexFiles"));

    private static void Damage(VectorIndexFiles files, string damage)
    {
        switch (damage)
        {
            case "graph byte":
                FlipByte(files.GraphPath);
                break;
            case "keys byte":
                FlipByte(files.KeysPath);
                break;
            case "truncated graph":
                using (var stream = File.OpenWrite(files.GraphPath))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            default:
                File.Delete(files.ManifestPath);
                break;
        }
    }

    private static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length * 2 / 3] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Unit vectors around 30 centres, as embeddings of papers cluster by topic.</summary>
    private static Dictionary<string, float[]> Corpus(int count, int seed)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 30).Select(_ => Gaussian(random, 1f)).ToList();
        var corpus = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            corpus[$"2501.{i:D5}"] = Nudge(centres[random.Next(centres.Count)], 0.6f, random);
        }

        return corpus;
    }

    private static List<float[]> Queries(Dictionary<string, float[]> corpus, int count)
    {
        var random = new Random(99);
        var vectors = corpus.Values.ToList();
        return [.. Enumerable.Range(0, count).Select(_ => Nudge(vectors[random.Next(vectors.Count)], 0.3f, random))];
    }

    private static float[] Nudge(float[] centre, float spread, Random random)
    {
        var noise = Gaussian(random, spread / MathF.Sqrt(Dimensions));
        TensorPrimitives.Add(noise, centre, noise);
        TensorPrimitives.Divide(noise, TensorPrimitives.Norm(noise), noise);
        return noise;
    }

    private static float[] Gaussian(Random random, float scale) =>
        [.. Enumerable.Range(0, Dimensions).Select(_ => scale * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    private static VectorIndex Build(Dictionary<string, float[]> corpus)
    {
        var index = new VectorIndex(Dimensions);
        index.Apply(corpus.Select(p => (p.Key, (ReadOnlyMemory<float>)p.Value)), corpus.Count);
        return index;
    }

    private static SemanticSearcher Searcher(VectorIndex index, Dictionary<string, float[]> corpus) =>
        new(new Lazy<TextEmbedder>(() => throw new InvalidOperationException("No text is embedded here.")), index, new InMemoryExactVectors(corpus));

    private static List<string> Exact(Dictionary<string, float[]> corpus, float[] query, int k, HashSet<string>? within = null) =>
    [
        .. corpus.Where(p => within is null || within.Contains(p.Key))
            .OrderByDescending(p => TensorPrimitives.Dot(query, p.Value))
            .Take(k)
            .Select(p => p.Key),
    ];
}
