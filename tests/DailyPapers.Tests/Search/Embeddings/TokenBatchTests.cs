using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Tests.Search.Embeddings;

public sealed class TokenBatchTests
{
    private static long[] Sequence(int length) => [101, .. Enumerable.Repeat(2000L, length - 2), 102];

    [Fact]
    public void Rows_are_padded_to_the_longest_and_masked()
    {
        var batch = Assert.Single(TokenBatch.Plan([Sequence(4), Sequence(3)], maxTexts: 8, maxTokens: 256, padId: 0));

        Assert.Equal((2, 4, 7), (batch.Count, batch.Length, batch.Tokens));
        Assert.Equal([1, 0], batch.Indices);
        Assert.Equal([101, 2000, 102, 0, 101, 2000, 2000, 102], batch.InputIds);
        Assert.Equal([1, 1, 1, 0, 1, 1, 1, 1], batch.AttentionMask);
        Assert.All(batch.TokenTypeIds, id => Assert.Equal(0, id));
    }

    [Fact]
    public void Batches_group_similar_lengths_within_the_text_and_token_limits()
    {
        long[][] sequences = [Sequence(200), Sequence(20), Sequence(250), Sequence(20), Sequence(30), Sequence(20)];

        var batches = TokenBatch.Plan(sequences, maxTexts: 2, maxTokens: 256, padId: 0);

        Assert.Equal([[1, 3], [5, 4], [0], [2]], batches.Select(b => b.Indices.ToArray()));
    }

    [Fact]
    public void A_sequence_longer_than_the_token_limit_still_gets_a_batch_of_its_own()
    {
        var batches = TokenBatch.Plan([Sequence(256), Sequence(256)], maxTexts: 8, maxTokens: 100, padId: 0);

        Assert.Equal(2, batches.Count);
        Assert.All(batches, b => Assert.Equal(1, b.Count));
    }
}
