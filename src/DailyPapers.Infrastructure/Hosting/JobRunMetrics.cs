using Quartz;

namespace DailyPapers.Infrastructure.Hosting;

/// <summary>Counts each scheduled job run on this node (<see cref="DailyPapersMetrics.JobRuns"/>), by job and outcome.</summary>
public sealed class JobRunMetrics : IJobListener
{
    public string Name => "job-run-metrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        DailyPapersMetrics.JobRuns.Add(
            1,
            new KeyValuePair<string, object?>("job", context.JobDetail.Key.Name),
            new KeyValuePair<string, object?>("outcome", jobException is null ? "completed" : "failed"));
        return ValueTask.CompletedTask;
    }
}
