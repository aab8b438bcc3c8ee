using DailyPapers.Infrastructure.Recommendations;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Signals;

namespace DailyPapers.Tests.ForYou;

/// <summary>The per-node cache of readers' models: one training per reader and signals version, however many ask at once.</summary>
public sealed class ReaderModelsTests
{
    private const int Dimensions = 8;

    [Fact]
    public async Task Requests_that_arrive_together_share_one_training_and_a_new_version_trains_again()
    {
        using var index = new VectorIndex(Dimensions);
        index.Apply(Enumerable.Range(0, 200).Select(i => ($"p{i}", (ReadOnlyMemory<float>)Unit(i))), 200);
        using var models = new ReaderModels(index);
        var authorReads = 0;
        var release = new TaskCompletionSource();
        async Task<IReadOnlyList<IReadOnlyList<string>>> AuthorsOf(IReadOnlyList<string> ids)
        {
            Interlocked.Increment(ref authorReads);
            await release.Task;
            return [.. ids.Select(_ => (IReadOnlyList<string>)["Ada Lovelace"])];
        }

        var first = Signals(version: 1);
        var liked = first.Positives.Select(p => new LikedVector(p.PaperId, p.Source, index.Find(p.PaperId)!)).ToList();
        var together = Enumerable.Range(0, 5).Select(_ => models.ForAsync(first, liked, AuthorsOf)).ToList();
        await Task.Delay(50);
        release.SetResult();
        var trained = await Task.WhenAll(together);
        var cached = await models.ForAsync(first, liked, AuthorsOf);
        var retrained = await models.ForAsync(Signals(version: 2), liked, AuthorsOf);

        Assert.Single(trained.Distinct());
        Assert.Same(trained[0], cached);
        Assert.NotSame(trained[0], retrained);
        Assert.Equal(2, authorReads);
        Assert.True(trained[0]!.Authors.Authors.ContainsKey("ada lovelace"));
    }

    private static ReaderSignalSet Signals(long version) => new(
        "reader-1",
        version,
        Days: 3,
        PersonalWeight: 100,
        [.. Enumerable.Range(0, 5).Select(i => new PositiveSignal($"p{i}", PositiveSource.Pick, DateTime.UtcNow))],
        new HashSet<string>(),
        []);

    private static float[] Unit(int i)
    {
        var vector = new float[Dimensions];
        vector[i % Dimensions] = 1;
        return vector;
    }
}
