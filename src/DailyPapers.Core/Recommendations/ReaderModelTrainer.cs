namespace DailyPapers.Core.Recommendations;

/// <summary>
/// Learns a reader's <see cref="LinearModel"/> from the vectors of papers they liked (upvotes, saves, ticked papers)
/// and of papers they did not (their "not interested" and sampled papers they passed over). Pure and deterministic:
/// the same vectors in the same order and the same options give the same model.
/// </summary>
public static class ReaderModelTrainer
{
    /// <summary>Trains with <see cref="ReaderModelOptions.Chosen"/>.</summary>
    public static LinearModel Train(IReadOnlyList<ReadOnlyMemory<float>> positives, IReadOnlyList<ReadOnlyMemory<float>> negatives) =>
        Train(positives, negatives, ReaderModelOptions.Chosen);

    /// <param name="positives">At least one vector; all vectors have the same length.</param>
    /// <param name="negatives">Any number, none included.</param>
    public static LinearModel Train(
        IReadOnlyList<ReadOnlyMemory<float>> positives, IReadOnlyList<ReadOnlyMemory<float>> negatives, ReaderModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        ArgumentNullException.ThrowIfNull(options);
        if (positives.Count == 0)
        {
            throw new ArgumentException("A reader model needs at least one positive paper.", nameof(positives));
        }

        var dimensions = positives[0].Length;
        if (options.Method == RecommenderMethod.NearestCentroid)
        {
            return NearestCentroid.Train(positives, negatives, dimensions, options.NegativeWeight);
        }

        var all = new ReadOnlyMemory<float>[positives.Count + negatives.Count];
        for (var i = 0; i < positives.Count; i++)
        {
            all[i] = positives[i];
        }

        for (var i = 0; i < negatives.Count; i++)
        {
            all[positives.Count + i] = negatives[i];
        }

        var rows = new DenseRows(all, dimensions);
        var settings = new DualSolverSettings(options.C, options.Tolerance, options.MaxIterations, options.Seed, options.BalancedClassWeights);
        return options.Method switch
        {
            RecommenderMethod.LinearSvm => LinearSvmSolver.Train(rows, positives.Count, options.Loss, settings, out _),
            RecommenderMethod.LogisticRegression => LogisticRegressionSolver.Train(rows, positives.Count, settings, out _),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Unknown recommender method."),
        };
    }
}
