namespace DailyPapers.Core.Recommendations;

/// <summary>
/// How a reader's model is learnt and used. <see cref="Chosen"/> holds the values the offline evaluation picked
/// (<c>dailypapers bench recommend</c>, docs/benchmarks.md); the other values are there to be measured against it.
/// </summary>
public sealed record ReaderModelOptions
{
    /// <summary>
    /// What the offline evaluation on the Hugging Face days chose (docs/benchmarks.md, 2026-12-07): logistic
    /// regression, C 1, balanced, on 2,000 sampled negatives, blended half and half with author affinity, no votes.
    /// The three classifiers tied once authors were in; logistic regression ranked best on the vectors alone.
    /// </summary>
    public static ReaderModelOptions Chosen { get; } = new();

    public RecommenderMethod Method { get; init; } = RecommenderMethod.LogisticRegression;

    /// <summary>SVM and logistic regression: the cost of a training error (liblinear's C) before class weights.</summary>
    public double C { get; init; } = 1;

    public SvmLoss Loss { get; init; } = SvmLoss.SquaredHinge;

    /// <summary>SVM and logistic regression: weigh each class by n / (2 × its size), as sklearn's <c>class_weight='balanced'</c>.</summary>
    public bool BalancedClassWeights { get; init; } = true;

    /// <summary>Nearest centroid: β, how much the mean of the negatives is taken from the mean of the positives (1 measured best).</summary>
    public double NegativeWeight { get; init; } = 1;

    /// <summary>SVM and logistic regression: stop when the dual's (projected) gradients are within this (liblinear's eps).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>SVM and logistic regression: the most passes over the examples.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>The seed of the order examples are visited in: the same signals always give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many papers the reader did not pick to sample as negatives, beside their "not interested" ones.</summary>
    public int SampledNegatives { get; init; } = 2000;

    /// <summary>
    /// How much <see cref="AuthorAffinity"/> counts beside the classifier's score in the reader's personal score
    /// (blended by <see cref="ScoreBlend"/>: 0 = the classifier alone, 1 = the authors alone).
    /// </summary>
    public double AuthorWeight { get; init; } = 0.5;

    /// <summary>
    /// The default weight of the community score in <see cref="ScoreBlend"/> (0 = personal only, 1 = community only),
    /// until the reader moves the control.
    /// </summary>
    public double CommunityWeight { get; init; }
}
