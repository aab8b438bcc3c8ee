using System.Diagnostics;
using DailyPapers.Core.Recommendations;
using DailyPapers.Infrastructure.Search.Benchmarks;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// arxiv-sanity-lite's recommender as the peer: TF-IDF rows of every paper (title, abstract and authors, fitted on all
/// of them at once as its compute.py does over its whole database; no labels are involved), and per reader a linear
/// SVM with the reader's papers as positives and every other paper listed before the week as negatives (its
/// serve.py trains on all papers; here only those the reader could have seen by then).
/// </summary>
internal sealed class TfidfSvmPeer
{
    private readonly SparseVector[] _rows;
    private readonly SparseSvmOptions _svm;

    /// <param name="includeAuthors">False to leave the author names out of the text (to see how much they count).</param>
    public TfidfSvmPeer(IReadOnlyList<ListedPaper> papers, TfidfOptions tfidf, SparseSvmOptions svm, bool includeAuthors, IProgress<BenchProgress>? progress)
    {
        progress?.Report(new BenchProgress("TF-IDF of the papers", 0, papers.Count));
        var texts = papers.Select(p => includeAuthors ? p.TfidfText : $"{p.Title} {p.Abstract}").ToList();
        var vectorizer = TfidfVectorizer.Fit(texts, tfidf);
        _rows = new SparseVector[papers.Count];
        for (var i = 0; i < papers.Count; i++)
        {
            _rows[i] = vectorizer.Transform(texts[i]);
        }

        progress?.Report(new BenchProgress("TF-IDF of the papers", papers.Count, papers.Count));
        Features = vectorizer.Features;
        _svm = svm;
    }

    public int Features { get; }

    public List<int> Iterations { get; } = [];

    public double[] Score(ReaderWeek week, out double trainingMs)
    {
        var mine = week.Positives.ToHashSet();
        var positives = week.Positives.Select(i => _rows[i]).ToArray();
        var negatives = new List<SparseVector>(week.CandidateStart);
        for (var i = 0; i < week.CandidateStart; i++)
        {
            if (!mine.Contains(i))
            {
                negatives.Add(_rows[i]);
            }
        }

        var started = Stopwatch.GetTimestamp();
        var model = SparseSvmTrainer.Train(positives, negatives, Features, _svm, out var iterations);
        trainingMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Iterations.Add(iterations);
        var scores = new double[week.Candidates];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = model.Score(_rows[week.CandidateStart + i]);
        }

        return scores;
    }
}
