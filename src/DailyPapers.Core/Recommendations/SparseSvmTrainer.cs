namespace DailyPapers.Core.Recommendations;

/// <summary>A linear SVM over TF-IDF rows (arxiv-sanity-lite's recommender), with the solver of the dense models.</summary>
public static class SparseSvmTrainer
{
    /// <param name="features">The number of features (the vectorizer's <see cref="TfidfVectorizer.Features"/>).</param>
    /// <param name="iterations">Passes the solver made; <see cref="SparseSvmOptions.MaxIterations"/> means it did not converge.</param>
    public static LinearModel Train(
        IReadOnlyList<SparseVector> positives, IReadOnlyList<SparseVector> negatives, int features, SparseSvmOptions options, out int iterations)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        ArgumentNullException.ThrowIfNull(options);
        if (positives.Count == 0)
        {
            throw new ArgumentException("An SVM needs at least one positive row.", nameof(positives));
        }

        SparseVector[] all = [.. positives, .. negatives];
        var settings = new DualSolverSettings(options.C, options.Tolerance, options.MaxIterations, options.Seed, options.BalancedClassWeights);
        return LinearSvmSolver.Train(new SparseRows(all, features), positives.Count, options.Loss, settings, out iterations);
    }
}
