using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

[Collection(EmbeddingTestGroup.Name)]
public sealed class TextEmbedderTests(EmbeddingModels models)
{
    private static readonly string[] MixedLengths =
    [
        "Attention is all you need.",
        "We study diffusion models for video generation and show that a temporal attention layer improves consistency.",
        "LoRA",
        "A survey of retrieval-augmented generation: methods, benchmarks and open problems in grounding large language "
            + "models on external knowledge, with a taxonomy of retrievers, rerankers and generators.",
        "Graph neural networks on molecules $\\mathcal{G}=(V,E)$.",
    ];

    [Theory]
    [InlineData(EmbeddingModelKind.MiniLm)]
    [InlineData(EmbeddingModelKind.ArcticXs)]
    public void Both_models_load_from_their_packages_and_give_384_dimensional_unit_vectors(EmbeddingModelKind kind)
    {
        var embedder = models.For(kind);

        var document = embedder.EmbedDocument("Image classification with deep networks");
        var query = embedder.EmbedQuery("image classification");

        Assert.Equal(kind, embedder.Model);
        Assert.Equal(384, embedder.Dimensions);
        Assert.All(new[] { document, query }, v => Assert.Equal(384, v.Length));
        Assert.All(new[] { document, query }, v => Assert.Equal(1.0, Vectors.Norm(v), 1e-5));
    }

    [Theory]
    [InlineData(EmbeddingModelKind.MiniLm)]
    [InlineData(EmbeddingModelKind.ArcticXs)]
    public void A_text_in_a_padded_batch_gets_the_vector_it_gets_alone(EmbeddingModelKind kind)
    {
        var embedder = models.For(kind);

        var batch = embedder.EmbedDocuments(MixedLengths, CancellationToken.None);

        Assert.Single(embedder.Prepare(MixedLengths, asQueries: false));
        Assert.Equal(MixedLengths.Length, batch.Count);
        for (var i = 0; i < MixedLengths.Length; i++)
        {
            Assert.True(Vectors.MaxDifference(batch[i], embedder.EmbedDocument(MixedLengths[i])) < 1e-4, MixedLengths[i]);
        }
    }

    [Theory]
    [InlineData(EmbeddingModelKind.MiniLm)]
    [InlineData(EmbeddingModelKind.ArcticXs)]
    public void A_paraphrase_is_closer_than_an_unrelated_sentence(EmbeddingModelKind kind)
    {
        var embedder = models.For(kind);
        var vectors = embedder.EmbedDocuments(
            ["A neural network for image classification", "Image classification with deep networks", "The stock market fell sharply today"],
            CancellationToken.None);

        // Arctic's similarities sit in a narrow high band (0.96 against 0.78 here), so the margin is modest.
        Assert.True(Vectors.Cosine(vectors[0], vectors[1]) > Vectors.Cosine(vectors[0], vectors[2]) + 0.1);
    }

    [Fact]
    public void Arctic_queries_get_the_query_prefix_and_documents_do_not()
    {
        var embedder = models.ArcticXs;
        const string Text = "sparse attention for long documents";

        Assert.True(Vectors.MaxDifference(embedder.EmbedDocument(Text), embedder.EmbedQuery(Text)) > 1e-2);
        Assert.True(Vectors.MaxDifference(embedder.EmbedDocument(embedder.Profile.QueryPrefix + Text), embedder.EmbedQuery(Text)) < 1e-4);
    }

    [Fact]
    public void MiniLm_embeds_queries_and_documents_alike()
    {
        const string Text = "sparse attention for long documents";

        Assert.True(Vectors.MaxDifference(models.MiniLm.EmbedDocument(Text), models.MiniLm.EmbedQuery(Text)) < 1e-4);
    }

    [Fact]
    public void Vectors_come_back_in_the_order_of_the_texts_although_batches_are_sorted_by_length()
    {
        var embedder = models.MiniLm;
        var reversed = MixedLengths.Reverse().ToList();

        var forward = embedder.EmbedDocuments(MixedLengths, CancellationToken.None);
        var backward = embedder.EmbedDocuments(reversed, CancellationToken.None);

        for (var i = 0; i < MixedLengths.Length; i++)
        {
            Assert.True(Vectors.MaxDifference(forward[i], backward[MixedLengths.Length - 1 - i]) < 1e-4);
        }
    }

    [Fact]
    public void Whitespace_and_line_breaks_do_not_change_the_vector()
    {
        var embedder = models.MiniLm;

        var wrapped = embedder.EmbedDocument("Large Language Models\n  as Zero-Shot\tReasoners ");
        var flat = embedder.EmbedDocument("Large Language Models as Zero-Shot Reasoners");

        Assert.True(Vectors.MaxDifference(wrapped, flat) < 1e-6);
    }

    [Fact]
    public void Concurrent_callers_get_the_same_vectors_as_one_caller()
    {
        var embedder = models.MiniLm;
        var expected = MixedLengths.Select(embedder.EmbedDocument).ToList();

        var results = new float[MixedLengths.Length][];
        Parallel.For(0, MixedLengths.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = embedder.EmbedDocument(MixedLengths[i]));

        for (var i = 0; i < MixedLengths.Length; i++)
        {
            Assert.True(Vectors.MaxDifference(expected[i], results[i]) < 1e-4);
        }
    }

    [Fact]
    public void An_empty_list_gives_no_vectors()
    {
        Assert.Empty(models.MiniLm.EmbedDocuments([], CancellationToken.None));
    }

    [Fact]
    public void A_cancelled_token_stops_a_batch_run()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => models.MiniLm.EmbedDocuments(MixedLengths, cancelled.Token));
    }
}
