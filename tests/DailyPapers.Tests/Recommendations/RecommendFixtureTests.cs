using DailyPapers.Infrastructure.Recommendations.Benchmarks;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Tests.Search.Embeddings;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Recommendations;

/// <summary>
/// The committed slice of the Hugging Face days with its MiniLM vectors (tests/fixtures/recommend): real papers, and
/// vectors that are really theirs, so the evaluation on it means something.
/// </summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class RecommendFixtureTests(EmbeddingModels models)
{
    public static string Folder => TestData.Path("recommend");

    [Fact]
    public void Every_paper_has_a_vector_of_unit_length()
    {
        var papers = HfListedPapers.Load(Folder, CancellationToken.None);
        var vectors = QuantizedVectors.Read(Path.Combine(Folder, RecommendFixture.VectorsFile));

        Assert.Equal(papers.Select(p => p.Id).Order(StringComparer.Ordinal), vectors.Keys.Order(StringComparer.Ordinal));
        Assert.All(vectors.Values, v => Assert.Equal(1, Vectors.Norm(v), 0.01));
    }

    [Fact]
    public void The_stored_vectors_are_what_the_model_makes_of_those_papers()
    {
        var papers = HfListedPapers.Load(Folder, CancellationToken.None);
        var vectors = QuantizedVectors.Read(Path.Combine(Folder, RecommendFixture.VectorsFile));
        // The first, the middle and the last paper: three texts the model embeds again now.
        ListedPaper[] sample = [papers[0], papers[papers.Count / 2], papers[^1]];

        var embedded = models.MiniLm.EmbedDocuments([.. sample.Select(p => EmbeddingText.ForPaper(p.Title, p.Abstract))], CancellationToken.None);

        for (var i = 0; i < sample.Length; i++)
        {
            Assert.True(Vectors.Cosine(embedded[i], vectors[sample[i].Id]) > 0.99, sample[i].Id);
        }

        // And they are not just any unit vectors: another paper's is far less alike.
        Assert.True(Vectors.Cosine(embedded[0], vectors[sample[1].Id]) < 0.9);
    }

    [Fact]
    public void Quantized_vectors_round_trip_with_a_cosine_above_0_999()
    {
        var random = new Random(3);
        var original = Enumerable.Range(0, 5).Select(i => ($"p{i}", BenchVectors.UnitVector(random, 384))).ToList();
        var path = Path.Combine(TestData.NewTempDir(), "v.q8");

        QuantizedVectors.Write(path, original);
        var read = QuantizedVectors.Read(path);

        Assert.All(original, o => Assert.True(Vectors.Cosine(o.Item2, read[o.Item1]) > 0.999));
    }
}
