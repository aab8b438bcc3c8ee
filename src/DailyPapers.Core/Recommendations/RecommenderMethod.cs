namespace DailyPapers.Core.Recommendations;

/// <summary>The ways a reader model can be learnt from dense paper vectors; each yields a <see cref="LinearModel"/>.</summary>
public enum RecommenderMethod
{
    /// <summary>Rocchio: the mean of the positives minus a weighted mean of the negatives.</summary>
    NearestCentroid,

    /// <summary>L2-regularised logistic regression, solved in the dual as liblinear does.</summary>
    LogisticRegression,

    /// <summary>L2-regularised linear SVM, solved by dual coordinate descent as liblinear does.</summary>
    LinearSvm,
}
