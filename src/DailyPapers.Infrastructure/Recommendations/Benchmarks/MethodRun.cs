namespace DailyPapers.Infrastructure.Recommendations.Benchmarks;

/// <summary>What one method produced over the reader-weeks: the scores of each week's papers and its training times.</summary>
internal sealed class MethodRun(int readerWeeks)
{
    public double[][] Scores { get; } = new double[readerWeeks][];

    public List<double> TrainingMs { get; } = [];

    public void Record(int readerWeek, double[] scores, double trainingMs)
    {
        Scores[readerWeek] = scores;
        TrainingMs.Add(trainingMs);
    }
}
