namespace DailyPapers.Core.Recommendations;

/// <summary>The SVM's loss on a margin violation: liblinear's L1-loss (hinge) or L2-loss (squared hinge, sklearn's default).</summary>
public enum SvmLoss
{
    Hinge,
    SquaredHinge,
}
