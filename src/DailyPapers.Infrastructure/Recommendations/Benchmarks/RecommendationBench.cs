using DailyPapers.Core.Recommendations;
using DailyPapers.Infrastructure.Search.Benchmarks;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>
/// Runs every method over every reader-week of a <see cref="RecommendationTask"/> and measures them. Settings are
/// never chosen on the weeks they are reported on: the grid and the blend weights are judged on the first half of the
/// reader-weeks (by week), and the held-out half reports them. The product's own settings are measured as they are.
/// </summary>
public static class RecommendationBench
{
    private const string Stage = "reader-weeks";

    private static readonly string[] Fixed = ["most-voted", "most-recent", "random", "tfidf-svm", "tfidf-svm-no-authors", "authors"];

    private static readonly double[] SensitivityWeights = [0.1, 0.2, 0.3, 0.5];

    public static RecommendationReport Run(
        RecommendationTask task,
        IReadOnlyDictionary<string, float[]> vectors,
        RecommendationBenchOptions options,
        IProgress<BenchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var papers = task.Papers;
        var weeks = task.ReaderWeeks;
        var dense = new DenseReaderModels(papers, vectors);
        var peer = new TfidfSvmPeer(papers, options.Tfidf, options.Peer, includeAuthors: true, progress);
        var peerWithoutAuthors = options.PeerWithoutAuthors ? new TfidfSvmPeer(papers, options.Tfidf, options.Peer, includeAuthors: false, progress) : null;
        var community = papers.Select(p => Math.Log(1 + p.Upvotes)).ToArray();
        var grid = options.Tune ? options.Grid.DistinctBy(Key).ToList() : [];
        List<ReaderModelOptions> denseSettings = [.. grid, options.Product];

        var runs = new Dictionary<string, MethodRun>(StringComparer.Ordinal);
        foreach (var key in Fixed.Concat(denseSettings.Select(Key)))
        {
            runs.TryAdd(key, new MethodRun(weeks.Count));
        }

        progress?.Report(new BenchProgress(Stage, 0, weeks.Count));
        for (var w = 0; w < weeks.Count; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var week = weeks[w];
            var listed = Enumerable.Range(week.CandidateStart, week.Candidates).ToArray();
            runs["most-voted"].Scores[w] = [.. listed.Select(i => (double)papers[i].Upvotes)];
            runs["most-recent"].Scores[w] = [.. listed.Select(i => (double)(papers[i].PublishedAt?.UtcTicks ?? 0))];
            var random = new Random(options.Seed + w);
            runs["random"].Scores[w] = [.. listed.Select(_ => random.NextDouble())];
            runs["tfidf-svm"].Record(w, peer.Score(week, out var peerMs), peerMs);
            if (peerWithoutAuthors is not null)
            {
                runs["tfidf-svm-no-authors"].Record(w, peerWithoutAuthors.Score(week, out var ms), ms);
            }

            var affinity = AuthorAffinity.From(week.Positives.Select(i => papers[i].Authors));
            runs["authors"].Scores[w] = [.. listed.Select(i => affinity.Score(papers[i].Authors))];
            // One draw per size of sample, shared by every setting that asks for that size.
            var negatives = new Dictionary<int, int[]>();
            foreach (var settings in denseSettings.DistinctBy(Key))
            {
                if (!negatives.TryGetValue(settings.SampledNegatives, out var sample))
                {
                    negatives[settings.SampledNegatives] = sample = DenseReaderModels.SampleNegatives(week, settings.SampledNegatives, options.Seed + w);
                }

                runs[Key(settings)].Record(w, dense.Score(week, sample, settings, out var ms), ms);
            }

            progress?.Report(new BenchProgress(Stage, w + 1, weeks.Count));
        }

        var halves = new Halves(task);
        var blend = new BlendTuning(task, halves, community, runs["authors"], options.BlendWeights);
        List<MethodResult> methods =
        [
            halves.Result("most-voted", "baseline", "paper.upvotes, most first", runs["most-voted"]),
            halves.Result("most-recent", "baseline", "paper.publishedAt, newest first", runs["most-recent"]),
            halves.Result("random", "baseline", ReaderModelSettings.Format($"seeded shuffle (seed {options.Seed} + reader-week)"), runs["random"]),
            halves.Result("tfidf-svm", "peer", PeerSettings(options, peer.Features), runs["tfidf-svm"]),
        ];
        if (peerWithoutAuthors is not null)
        {
            methods.Add(halves.Result("tfidf-svm-no-authors", "diagnostic", "the peer on title+abstract only: how much its authors count", runs["tfidf-svm-no-authors"]));
        }

        // Settings with another number of negatives than the product samples are there to compare, not to choose.
        bool Affordable(ReaderModelOptions s) => s.SampledNegatives == options.Product.SampledNegatives;
        var gridResults = grid.Select(s => halves.Result(ReaderModelSettings.Family(s.Method), Affordable(s) ? "grid" : "diagnostic", ReaderModelSettings.Describe(s), runs[Key(s)])).ToList();
        List<ReaderModelOptions> timed = [options.Product];
        List<Candidate> candidates = [];
        if (options.Tune)
        {
            methods.Add(halves.Result("authors", "diagnostic", "author affinity alone: Σ ln(1 + liked papers) over the paper's authors", runs["authors"]));
            methods.Add(blend.Best("tfidf-svm+votes", "peer-blend", PeerSettings(options, peer.Features), runs["tfidf-svm"], withAuthors: false, withVotes: true).Result);
            methods.Add(blend.Best("tfidf-svm+authors+votes", "peer-blend", PeerSettings(options, peer.Features), runs["tfidf-svm"], withAuthors: true, withVotes: true).Result);
            foreach (var family in grid.Where(Affordable).GroupBy(s => s.Method))
            {
                // The first setting of the grid wins a tie.
                var best = family.Aggregate((a, b) => halves.Tuning(runs[Key(b)]).Ndcg10 > halves.Tuning(runs[Key(a)]).Ndcg10 ? b : a);
                var (name, described, run) = (ReaderModelSettings.Family(best.Method), ReaderModelSettings.Describe(best), runs[Key(best)]);
                var alone = halves.Tuning(run).Ndcg10;
                candidates.Add(new Candidate(halves.Result(name, "candidate", described, run), w => run.Scores[w], alone, best));
                foreach (var (suffix, withAuthors, withVotes) in new[] { ("+votes", false, true), ("+authors", true, false), ("+authors+votes", true, true) })
                {
                    var (result, scores) = blend.Best(name + suffix, "candidate", described, run, withAuthors, withVotes);
                    candidates.Add(new Candidate(result, scores, alone, best));
                }

                timed.Add(best);
            }

            methods.AddRange(candidates.Select(c => c.Result));
        }

        var (selected, selectionNote) = CandidateSelection.Choose(halves, candidates);
        var product = runs[Key(options.Product)];
        var chosenName = "chosen: " + ReaderModelSettings.Family(options.Product.Method)
            + (options.Product.AuthorWeight > 0 ? "+authors" : "") + (options.Product.CommunityWeight > 0 ? "+votes" : "");
        methods.Add(blend.At(
            chosenName, "chosen", ReaderModelSettings.Describe(options.Product), product, options.Product.AuthorWeight, options.Product.CommunityWeight));
        if (options.Tune)
        {
            // What the reader's control does: the chosen settings with more of the community's votes.
            foreach (var weight in SensitivityWeights.Where(w => w != options.Product.CommunityWeight))
            {
                methods.Add(blend.At(
                    ReaderModelSettings.Format($"chosen at {weight} votes"), "sensitivity", ReaderModelSettings.Describe(options.Product), product, options.Product.AuthorWeight, weight));
            }
        }

        var timings = timed.DistinctBy(Key)
            .Select(s => dense.TimeAtScale(ReaderModelSettings.Family(s.Method), s, options.TimingPositives, options.TimingNegatives, options.TimingRuns, options.Seed))
            .OfType<ScaledTiming>()
            .ToList();
        var iterations = peer.Iterations.Order().ToArray();
        return new RecommendationReport(
            papers.Count,
            task.Readers,
            weeks.Count,
            task.MinSubmissions,
            weeks.Count == 0 ? null : weeks.Min(w => w.Week),
            weeks.Count == 0 ? null : weeks.Max(w => w.Week),
            task.HeldOutFrom,
            peer.Features,
            iterations.Length == 0 ? (0, 0, 0) : (iterations[iterations.Length / 2], iterations[^1], iterations.Count(i => i >= options.Peer.MaxIterations)),
            methods,
            gridResults,
            selected?.Result.Name,
            selectionNote,
            timings);
    }

    /// <summary>Settings that train the same model share a key (the community weight only matters after training).</summary>
    private static string Key(ReaderModelOptions options) =>
        ReaderModelSettings.Format($"{ReaderModelSettings.Describe(options)}; seed {options.Seed}; at most {options.MaxIterations} passes");

    private static string PeerSettings(RecommendationBenchOptions options, int features) => ReaderModelSettings.Format(
        $"TF-IDF of title+abstract+authors ({features} features: 1-2 grams, min_df {options.Tfidf.MinDocuments}, max_df {options.Tfidf.MaxDocumentFraction}, sublinear tf); LinearSVC C {options.Peer.C}, balanced, tol {options.Peer.Tolerance}; every earlier paper a negative");
}
