namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// One case of the evaluation: a reader (a submitter) and a week in which they submitted. Papers are indices into the
/// task's papers, which are ordered by day: everything listed before the week is <c>[0, CandidateStart)</c>, the
/// week's papers are <c>[CandidateStart, CandidateEnd)</c>.
/// </summary>
/// <param name="Positives">The reader's submissions before the week: what a model may learn from.</param>
/// <param name="Relevant">The reader's submissions in the week: what a good ranking puts first.</param>
public sealed record ReaderWeek(string Reader, DateOnly Week, int CandidateStart, int CandidateEnd, int[] Positives, IReadOnlySet<string> Relevant)
{
    public int Candidates => CandidateEnd - CandidateStart;
}
