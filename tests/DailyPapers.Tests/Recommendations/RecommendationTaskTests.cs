using DailyPapers.Infrastructure.Recommendations.Benchmarks;

namespace DailyPapers.Tests.Recommendations;

/// <summary>Which reader-weeks the evaluation makes, on hand-made listings (Monday 2025-06-02 starts ISO week 23).</summary>
public sealed class RecommendationTaskTests
{
    [Fact]
    public void A_reader_week_needs_a_submission_in_the_week_and_one_before_it()
    {
        ListedPaper[] papers =
        [
            Paper("1", "2025-05-27", "ann"),
            Paper("2", "2025-05-28", "bob"),
            Paper("3", "2025-06-02", "ann"),
            Paper("4", "2025-06-04", "bob"),
            Paper("5", "2025-06-05", null),
            Paper("6", "2025-06-09", "ann"),
        ];

        var task = RecommendationTask.Build(papers, minSubmissions: 2);

        // Week 22 has nothing before it; in week 23 both had submitted before; in week 24 only ann submitted.
        Assert.Equal(
            [("ann", "2025-06-02", "3"), ("bob", "2025-06-02", "4"), ("ann", "2025-06-09", "6")],
            task.ReaderWeeks.Select(w => (w.Reader, w.Week.ToString("yyyy-MM-dd"), string.Join(',', w.Relevant))));
        var bobs = task.ReaderWeeks[1];
        Assert.Equal((2, 5), (bobs.CandidateStart, bobs.CandidateEnd));
        Assert.Equal([1], bobs.Positives);
    }

    [Fact]
    public void Submitters_below_the_threshold_are_not_readers()
    {
        ListedPaper[] papers = [Paper("1", "2025-05-27", "ann"), Paper("2", "2025-06-02", "ann"), Paper("3", "2025-06-03", "bob")];

        Assert.Single(RecommendationTask.Build(papers, minSubmissions: 2).ReaderWeeks);
        Assert.Empty(RecommendationTask.Build(papers, minSubmissions: 3).ReaderWeeks);
    }

    [Fact]
    public void Evaluate_from_keeps_earlier_weeks_for_learning_only()
    {
        ListedPaper[] papers = [Paper("1", "2025-05-20", "ann"), Paper("2", "2025-05-27", "ann"), Paper("3", "2025-06-03", "ann")];

        var task = RecommendationTask.Build(papers, minSubmissions: 2, evaluateFrom: new DateOnly(2025, 6, 4));

        var week = Assert.Single(task.ReaderWeeks);
        Assert.Equal(new DateOnly(2025, 6, 2), week.Week);
        Assert.Equal([0, 1], week.Positives);
    }

    [Fact]
    public void Papers_out_of_day_order_are_refused()
    {
        ListedPaper[] papers = [Paper("1", "2025-06-03", "ann"), Paper("2", "2025-06-02", "ann")];

        Assert.Throws<ArgumentException>(() => RecommendationTask.Build(papers, minSubmissions: 2));
    }

    private static ListedPaper Paper(string id, string day, string? submitter) =>
        new(id, "Title " + id, "Abstract " + id, [], 0, null, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), submitter, null);
}
