using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Tests.Search.Hybrid;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DailyPapers.Tests.Search.Embeddings;

/// <summary>The metrics' embedding backlog: counted again only when papers or vectors changed, since a count reads them all.</summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class EmbeddingBacklogTests(EmbeddingModels models)
{
    [Fact]
    public async Task The_backlog_is_counted_again_when_papers_or_vectors_change_and_not_otherwise()
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backlog = new EmbeddingBacklog(bed.Vectors, new StoreVersion(bed.Lexical.Store.Factory, clock), models.MiniLm.Profile.Name, clock);
        await bed.Lexical.WriteAsync(Corpus.Papers);
        var papers = Corpus.Papers.Length;

        Assert.Equal(papers, await backlog.SampleAsync(CancellationToken.None));
        await bed.PaperEmbedder.EmbedBatchAsync(CancellationToken.None);
        Assert.Equal(0, await backlog.SampleAsync(CancellationToken.None));

        // Vectors removed behind the counters' back: nothing says the number moved, so it is not counted again...
        await using (var context = bed.Lexical.Store.Factory.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("DELETE FROM paper_vectors");
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await backlog.SampleAsync(CancellationToken.None));

        // ...until a paper is written (or five minutes pass): then every paper is pending again, the new one too.
        await bed.Lexical.WriteAsync(SamplePapers.Item("2506.99999", "A paper written later", listedOn: new DateOnly(2025, 6, 9)));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(papers + 1, await backlog.SampleAsync(CancellationToken.None));
    }
}
