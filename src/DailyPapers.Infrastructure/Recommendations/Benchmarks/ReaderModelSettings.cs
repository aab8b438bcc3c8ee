using System.Globalization;
using DailyPapers.Core.Recommendations;

namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>Names and one-line descriptions of reader-model settings for the report.</summary>
internal static class ReaderModelSettings
{
    public static string Family(RecommenderMethod method) => method switch
    {
        RecommenderMethod.NearestCentroid => "centroid",
        RecommenderMethod.LogisticRegression => "logistic",
        _ => "svm",
    };

    public static string Describe(ReaderModelOptions options) => options.Method switch
    {
        RecommenderMethod.NearestCentroid => Format($"MiniLM; mean of positives − {options.NegativeWeight} × mean of negatives; {Negatives(options)}"),
        RecommenderMethod.LogisticRegression => Format($"MiniLM; C {options.C}, {Weights(options)}, tol {options.Tolerance}; {Negatives(options)}"),
        _ => Format($"MiniLM; C {options.C}, {(options.Loss == SvmLoss.SquaredHinge ? "squared hinge" : "hinge")}, {Weights(options)}, tol {options.Tolerance}; {Negatives(options)}"),
    };

    private static string Negatives(ReaderModelOptions options) =>
        options.SampledNegatives == int.MaxValue ? "every earlier paper a negative" : Format($"{options.SampledNegatives} sampled negatives");

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Weights(ReaderModelOptions options) => options.BalancedClassWeights ? "balanced" : "unweighted";
}
