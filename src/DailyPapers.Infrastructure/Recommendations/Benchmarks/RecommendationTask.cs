namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// The offline evaluation of issue 12 over listed papers: readers are submitters with at least
/// <c>minSubmissions</c> papers; for each reader and each ISO week in which they submitted, having submitted before,
/// a model learns from everything listed before the week and ranks every paper listed in it.
/// </summary>
public sealed record RecommendationTask(IReadOnlyList<ListedPaper> Papers, IReadOnlyList<ReaderWeek> ReaderWeeks, int MinSubmissions)
{
    /// <param name="papers">Ordered by day (as <see cref="HfListedPapers.Load"/> gives them).</param>
    /// <param name="evaluateFrom">Only weeks from this day's week on are evaluated; earlier ones are only learnt from.</param>
    public static RecommendationTask Build(IReadOnlyList<ListedPaper> papers, int minSubmissions, DateOnly? evaluateFrom = null)
    {
        for (var i = 1; i < papers.Count; i++)
        {
            if (papers[i].Day < papers[i - 1].Day)
            {
                throw new ArgumentException("The papers must be ordered by listing day.", nameof(papers));
            }
        }

        var submissions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            if (papers[i].Submitter is { } submitter)
            {
                if (!submissions.TryGetValue(submitter, out var list))
                {
                    submissions[submitter] = list = [];
                }

                list.Add(i);
            }
        }

        var readers = submissions.Where(pair => pair.Value.Count >= minSubmissions).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        var firstWeek = evaluateFrom is { } from ? ListedPaper.WeekOf(from) : DateOnly.MinValue;
        var readerWeeks = new List<ReaderWeek>();
        var start = 0;
        while (start < papers.Count)
        {
            var week = papers[start].Week;
            var end = start;
            while (end < papers.Count && papers[end].Week == week)
            {
                end++;
            }

            if (week >= firstWeek)
            {
                foreach (var (reader, mine) in readers)
                {
                    var before = mine.Where(i => i < start).ToArray();
                    var during = mine.Where(i => i >= start && i < end).Select(i => papers[i].Id).ToHashSet(StringComparer.Ordinal);
                    if (before.Length > 0 && during.Count > 0)
                    {
                        readerWeeks.Add(new ReaderWeek(reader, week, start, end, before, during));
                    }
                }
            }

            start = end;
        }

        return new RecommendationTask(papers, readerWeeks, minSubmissions);
    }

    public int Readers => ReaderWeeks.Select(w => w.Reader).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// The first week of the second half: reader-weeks before it (about half of them) tune the settings, the rest
    /// measure them. Null when there are no reader-weeks.
    /// </summary>
    public DateOnly? HeldOutFrom => ReaderWeeks.Count == 0 ? null : ReaderWeeks.OrderBy(w => w.Week).ElementAt(ReaderWeeks.Count / 2).Week;
}
