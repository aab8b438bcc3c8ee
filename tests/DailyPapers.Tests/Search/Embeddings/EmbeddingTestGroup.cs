namespace DailyPapers.Tests.Search.Embeddings;

/// <summary>The embedding tests share one pair of loaded models and run one after another (each run takes the CPU).</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddingTestGroup : ICollectionFixture<EmbeddingModels>
{
    public const string Name = "Embedding models";
}
