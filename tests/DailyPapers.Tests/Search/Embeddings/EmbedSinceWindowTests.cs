using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Search.Hybrid;
using DailyPapers.Tests.Search.Lexical;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DailyPapers.Tests.Search.Embeddings;

/// <summary>Search:Embeddings:Since on a real store: papers before it get no vector and no place in the backlog.</summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class EmbedSinceWindowTests(EmbeddingModels models)
{
    private const string Undated = "2506.10099";

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Papers_first_submitted_before_the_window_are_not_embedded_nor_counted(StoreProvider provider)
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm, provider: provider);
        await bed.Lexical.WriteAsync([.. Corpus.Papers, UndatedPaper()]);
        // Corpus papers are from 2 to 7 June 2025: five days back from the 10th keeps the 5th, 6th and 7th.
        var window = EmbeddingWindow.Parse("P5D", new FakeTimeProvider(new DateTimeOffset(2025, 6, 10, 12, 0, 0, TimeSpan.Zero)));
        var embedder = new PaperEmbedder(bed.Vectors, models.MiniLm, window);

        var backlog = await embedder.CountPendingAsync(CancellationToken.None);
        var first = await embedder.EmbedBatchAsync(CancellationToken.None);
        var second = await embedder.EmbedBatchAsync(CancellationToken.None);

        Assert.Equal(4, backlog);
        Assert.Equal(new EmbedBatchResult(4, 4), first);
        Assert.Equal(new EmbedBatchResult(0, 0), second);
        Assert.Equal(0, await embedder.CountPendingAsync(CancellationToken.None));
        Assert.Equal(
            [Corpus.Translation, Corpus.Bert, Corpus.Galaxies, Undated],
            (await StoredIdsAsync(bed)).Order(StringComparer.Ordinal).ToArray());
        // The papers outside stay pending for a store without the window.
        Assert.Equal(3, await bed.PaperEmbedder.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_fixed_date_keeps_papers_of_that_day()
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm);
        await bed.Lexical.WriteAsync(Corpus.Papers);
        var embedder = new PaperEmbedder(bed.Vectors, models.MiniLm, EmbeddingWindow.Parse("2025-06-07", TimeProvider.System));

        Assert.Equal(new EmbedBatchResult(1, 1), await embedder.EmbedBatchAsync(CancellationToken.None));
        Assert.Equal([Corpus.Galaxies], await StoredIdsAsync(bed));
    }

    private static async Task<List<string>> StoredIdsAsync(HybridTestbed bed)
    {
        await using var context = bed.Lexical.Store.Factory.CreateContext();
        return await context.PaperVectors.Select(v => v.PaperId).ToListAsync();
    }

    private static PaperItem UndatedPaper()
    {
        var builder = new PaperRecordBuilder
        {
            Id = Undated,
            Title = "A replaced version whose first date no source gave",
            Abstract = "Only the announcement of its second version was seen.",
            Categories = "cs.LG",
            Version = 2,
        };
        builder.Authors.Add("Ada Lovelace");
        Assert.True(builder.TryBuild(out var record, out var error), error);
        return new PaperItem($"lexical#{Undated}", record!, new ListingRecord(new DateOnly(2025, 6, 9), ListingSource.Hf));
    }
}
