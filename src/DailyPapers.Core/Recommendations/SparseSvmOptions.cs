namespace DailyPapers.Core.Recommendations;

/// <summary>
/// A linear SVM on sparse rows. The defaults are arxiv-sanity-lite's per-tag SVM in serve.py:
/// <c>LinearSVC(class_weight='balanced', C=0.01, tol=1e-6, max_iter=10000)</c>, with LinearSVC's own defaults
/// (squared hinge, L2 penalty, an intercept learnt as a feature of value 1).
/// </summary>
public sealed record SparseSvmOptions
{
    public static SparseSvmOptions ArxivSanityLite { get; } = new();

    public double C { get; init; } = 0.01;

    public SvmLoss Loss { get; init; } = SvmLoss.SquaredHinge;

    public double Tolerance { get; init; } = 1e-6;

    public int MaxIterations { get; init; } = 10_000;

    public bool BalancedClassWeights { get; init; } = true;

    public int Seed { get; init; } = 1;
}
