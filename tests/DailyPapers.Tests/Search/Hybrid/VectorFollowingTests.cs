using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Search.Embeddings;
using DailyPapers.Tests.Search.Lexical;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>Stored vectors follow the papers: new ones embedded, edited ones re-embedded, vote changes only recorded.</summary>
[Collection(EmbeddingTestGroup.Name)]
public sealed class VectorFollowingTests(EmbeddingModels models)
{
    [Fact]
    public async Task Every_paper_is_embedded_once_and_its_stored_vector_is_the_models_vector()
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm);
        await bed.Lexical.WriteAsync(Corpus.Papers);

        var first = await bed.PaperEmbedder.EmbedBatchAsync(CancellationToken.None);
        var second = await bed.PaperEmbedder.EmbedBatchAsync(CancellationToken.None);
        await bed.Follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal(new EmbedBatchResult(6, 6), first);
        Assert.Equal(new EmbedBatchResult(0, 0), second);
        Assert.Equal(6, bed.Index.Count);
        var expected = models.MiniLm.EmbedDocument(
            "Classifying canine breeds from photographs. We recognise the breed of a puppy or hound in images with a convolutional network trained on pet photos.");
        // As the graph holds it: int8, so each component to within 1/127.
        Assert.Equal(expected, bed.Index.Find(Corpus.Canine)!, new FloatTolerance(1f / 127));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_vote_moves_the_paper_on_without_embedding_it_again_and_an_edit_embeds_it_again(StoreProvider provider)
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm, provider: provider);
        await bed.Lexical.WriteAsync(Corpus.Papers);
        await bed.ReadyAsync();
        var sequenceBefore = bed.Index.AppliedSequence;

        // Newer listing with more votes: the paper's change sequence moves, its text does not.
        await bed.Lexical.WriteAsync(LexicalPapers.Paper(Corpus.Galaxies, "A survey of spiral galaxies",
            "We catalogue the rotation curves of nearby spiral galaxies observed with radio telescopes.", ["Vera Rubin"], "astro-ph.GA", new DateOnly(2025, 6, 8), upvotes: 9));
        Assert.Equal(new EmbedBatchResult(1, 0), await bed.PaperEmbedder.EmbedBatchAsync(CancellationToken.None));
        Assert.Equal(0, await bed.Follower.CatchUpAsync(CancellationToken.None));

        await bed.Lexical.WriteAsync(Version2(Corpus.Galaxies, "Dark matter halos inferred from galaxy rotation curves"));
        Assert.Equal(new EmbedBatchResult(1, 1), await bed.PaperEmbedder.EmbedBatchAsync(CancellationToken.None));
        Assert.Equal(1, await bed.Follower.CatchUpAsync(CancellationToken.None));
        Assert.Equal(sequenceBefore + 1, bed.Index.AppliedSequence);
        Assert.Equal(Corpus.Galaxies, bed.Ids("dark matter halo", mode: Core.Search.SearchMode.Semantic)[0]);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_new_process_loads_every_stored_vector_without_embedding_anything(StoreProvider provider)
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm, provider: provider);
        await bed.Lexical.WriteAsync(Corpus.Papers);
        await bed.ReadyAsync();

        using var restarted = new VectorIndex(models.MiniLm.Dimensions);
        using var follower = new VectorIndexFollower(bed.Vectors, restarted, models.MiniLm.Profile);

        Assert.Equal(6, await follower.CatchUpAsync(CancellationToken.None));
        Assert.Equal(0, await bed.PaperEmbedder.CountPendingAsync(CancellationToken.None));
        await using var context = bed.Lexical.Store.Factory.CreateContext();
        Assert.Equal(6, await context.PaperVectors.CountAsync());
        Assert.Equal(6, (await context.Counters.SingleAsync(c => c.Name == StoreCounterEntity.VectorChanges)).Value);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_restarted_node_loads_the_saved_graph_and_reads_only_the_vectors_written_since(StoreProvider provider)
    {
        await using var bed = await HybridTestbed.CreateAsync(models.MiniLm, provider: provider);
        await bed.Lexical.WriteAsync(Corpus.Papers);
        await bed.ReadyAsync();
        var directory = Path.Combine(bed.Lexical.Store.DataDirectory, "index", "vectors");
        var files = new VectorIndexFiles(directory, models.MiniLm.Profile.Name, NullLogger.Instance);
        var options = new VectorIndexOptions { SaveInterval = TimeSpan.FromTicks(1) };
        using (var first = new VectorIndex(models.MiniLm.Dimensions, loadsFromStore: true))
        using (var follower = new VectorIndexFollower(bed.Vectors, first, models.MiniLm.Profile, files, options))
        {
            Assert.Equal(6, await follower.CatchUpAsync(CancellationToken.None));
        }

        await bed.Lexical.WriteAsync(Version2(Corpus.Galaxies, "Dark matter halos inferred from galaxy rotation curves"));
        Assert.Equal(new EmbedBatchResult(1, 1), await bed.PaperEmbedder.EmbedBatchAsync(CancellationToken.None));
        using var restarted = new VectorIndex(models.MiniLm.Dimensions, loadsFromStore: true);
        using var again = new VectorIndexFollower(bed.Vectors, restarted, models.MiniLm.Profile, files, options);

        // Six from the file, one from the store: the edited paper, found by its new text.
        Assert.Equal(1, await again.CatchUpAsync(CancellationToken.None));
        Assert.Equal(6, restarted.Count);
        Assert.Equal(7, restarted.AppliedSequence);
        var search = new PaperSearch(bed.Lexical.Searcher, new SemanticSearcher(models.MiniLm, restarted, new StoredExactVectors(bed.Lexical.Store.Factory, models.MiniLm.Profile.Name)), new HybridOptions());
        var found = search.Search(new PaperSearchRequest(SearchQuery.Parse("dark matter halo"), SearchFilters.None, SearchSort.Relevance, 0, 3) { Mode = SearchMode.Semantic });
        Assert.Equal(Corpus.Galaxies, found.Ids[0]);
    }

    private static PaperItem Version2(string id, string abstractText)
    {
        var builder = new PaperRecordBuilder
        {
            Id = id,
            Title = "A survey of spiral galaxies",
            Abstract = abstractText,
            Categories = "astro-ph.GA",
            Version = 2,
            SubmittedAt = new DateTimeOffset(2025, 6, 7, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2025, 6, 20, 0, 0, 0, TimeSpan.Zero),
        };
        builder.Authors.Add("Vera Rubin");
        Assert.True(builder.TryBuild(out var record, out var error), error);
        return new PaperItem($"test#{id}v2", record!, null);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
