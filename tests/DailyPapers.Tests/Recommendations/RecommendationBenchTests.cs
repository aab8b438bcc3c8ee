using DailyPapers.Infrastructure.Recommendations.Benchmarks;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Recommendations;

/// <summary>
/// The offline evaluation on the committed slice (tests/fixtures/recommend): one week of Hugging Face papers, ranked
/// for each submitter who had submitted before, from their earlier papers (see the fixture's README row).
/// </summary>
public sealed class RecommendationBenchTests
{
    private static readonly DateOnly FixtureWeek = new(2025, 5, 26);

    [Fact]
    public void The_chosen_model_ranks_readers_own_papers_above_the_most_voted_ranking()
    {
        var report = RunOnFixture();

        var chosen = report.Chosen.All;
        var mostVoted = report["most-voted"].All;
        Assert.True(chosen.ReaderWeeks >= 30, $"{chosen.ReaderWeeks} reader-weeks");
        Assert.True(chosen.Ndcg10 > mostVoted.Ndcg10, $"chosen nDCG@10 {chosen.Ndcg10:0.000}, most voted {mostVoted.Ndcg10:0.000}");
    }

    [Fact]
    public void Every_method_is_measured_on_the_same_reader_weeks_and_random_is_far_below_the_learnt_ones()
    {
        var report = RunOnFixture();

        Assert.Equal(["most-voted", "most-recent", "random", "tfidf-svm", report.Chosen.Name], report.Methods.Select(m => m.Name));
        Assert.All(report.Methods, m => Assert.Equal(report.ReaderWeeks, m.All.ReaderWeeks));
        Assert.True(report["random"].All.Ndcg10 < report.Chosen.All.Ndcg10);
        Assert.NotNull(report.Chosen.Training);
        Assert.NotNull(report["tfidf-svm"].Training);
    }

    [Fact]
    public void A_run_gives_the_same_numbers_twice()
    {
        var first = RunOnFixture();
        var second = RunOnFixture();

        Assert.Equal(first.Methods.Select(m => m.All), second.Methods.Select(m => m.All));
    }

    private static RecommendationReport RunOnFixture()
    {
        var papers = HfListedPapers.Load(RecommendFixtureTests.Folder, CancellationToken.None);
        var vectors = QuantizedVectors.Read(Path.Combine(RecommendFixtureTests.Folder, RecommendFixture.VectorsFile));
        // The slice keeps each reader's latest ten earlier papers only, so the threshold counts within it (readers were
        // chosen on the full days, at five submissions).
        var task = RecommendationTask.Build(papers, minSubmissions: 2, evaluateFrom: FixtureWeek);
        return RecommendationBench.Run(task, vectors, new RecommendationBenchOptions { Tune = false, PeerWithoutAuthors = false, TimingRuns = 0 }, null, CancellationToken.None);
    }
}
