using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// Keeps the store current from arXiv while the site runs: a harvest shortly after start, then one every
/// <see cref="HarvestOptions.Interval"/>, on one node at a time. Without network the site keeps serving what is
/// stored; the job says so once per failure streak (counted in its job data, so the streak survives a change of node)
/// and tries again after 1, 2, 4… minutes, up to the interval.
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
public sealed class HarvestJob(ArxivHarvester harvester, IOptions<HarvestOptions> options, ILogger<HarvestJob> logger) : IJob
{
    public static readonly JobKey Key = new("harvest", "harvest");

    public static readonly TriggerKey Regular = new("harvest", "harvest");

    public static readonly TriggerKey Retry = new("harvest-retry", "harvest");

    private const string FailuresKey = "failures";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.JobDetail.JobDataMap;
        // Kept as text: job data goes through the job store's serializer on PostgreSQL.
        var failures = int.TryParse(data.TryGetValue(FailuresKey, out var kept) ? kept as string : null, CultureInfo.InvariantCulture, out var streak) ? streak : 0;
        var report = await RunOnceAsync(cancellationToken);
        if (report is null)
        {
            return;
        }

        if (report.Succeeded)
        {
            if (failures > 0)
            {
                logger.LogInformation("arXiv is reachable again; harvest completed after {Failures} failed attempt(s)", failures);
                await context.Scheduler.UnscheduleJob(Retry, cancellationToken);
            }

            data[FailuresKey] = "0";
            return;
        }

        failures++;
        data[FailuresKey] = failures.ToString(CultureInfo.InvariantCulture);
        var delay = RetryDelay(failures, options.Value.Interval);
        Report(report.Failures, failures, delay);
        var retry = TriggerBuilder.Create().WithIdentity(Retry).ForJob(Key).StartAt(DateTimeOffset.UtcNow + delay).Build();
        await context.Scheduler.ScheduleJob(retry, ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>1, 2, 4… minutes after consecutive failures, never longer than the harvest interval.</summary>
    public static TimeSpan RetryDelay(int failures, TimeSpan interval)
    {
        var delay = FirstRetry * Math.Pow(2, Math.Min(failures - 1, 20));
        return delay < interval ? delay : interval;
    }

    private async Task<ArxivHarvestReport?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await harvester.RunAsync(new ArxivHarvestRequest(), null, cancellationToken);
            var total = report.Total;
            logger.LogInformation(
                "arXiv harvest: {New} new, {Updated} updated, {Unchanged} unchanged, {Deleted} deleted, {Rejected} rejected",
                total.New, total.Updated, total.Unchanged, total.Deleted, total.Rejected);
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            // The store itself failing (disk full, database down) must not end the schedule either.
            return new ArxivHarvestReport(new(), [], [new HarvestFailure("harvest", ex)]);
        }
    }

    private void Report(IReadOnlyList<HarvestFailure> failures, int streak, TimeSpan delay)
    {
        foreach (var failure in failures.Where(f => !f.IsExpected))
        {
            logger.LogError(failure.Error, "arXiv harvest step {Step} failed unexpectedly; next try in {Delay}", failure.Step, Durations.Describe(delay));
        }

        var expected = failures.Where(f => f.IsExpected).ToList();
        if (expected.Count == 0)
        {
            return;
        }

        // One warning per streak: a machine without network should not fill its log with the same news.
        var level = streak == 1 ? LogLevel.Warning : LogLevel.Debug;
        if (expected.FirstOrDefault(f => f.Error is ArxivUnavailableException) is { } unreachable)
        {
            logger.Log(level, "arXiv is unreachable ({Reason}); serving stored papers; next try in {Delay}",
                unreachable.Error.Message, Durations.Describe(delay));
        }

        foreach (var failure in expected.Where(f => f.Error is not ArxivUnavailableException))
        {
            logger.Log(level, "arXiv harvest step {Step} failed: {Reason}; next try in {Delay}",
                failure.Step, failure.Error.Message, Durations.Describe(delay));
        }
    }
}
