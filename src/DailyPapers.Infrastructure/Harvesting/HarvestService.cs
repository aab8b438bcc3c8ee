using DailyPapers.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// Keeps the store current from arXiv while the site runs: a harvest shortly after start, then one every
/// <see cref="HarvestOptions.Interval"/>. Without network the site keeps serving what is stored; the service says so
/// once per failure streak and tries again after 1, 2, 4… minutes, up to the interval.
/// </summary>
public sealed class HarvestService(ArxivHarvester harvester, IOptions<HarvestOptions> options, TimeProvider clock, ILogger<HarvestService> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("arXiv harvesting is off (Harvest:Enabled is false)");
            return;
        }

        // Off the host's start-up path whatever the runtime does with the synchronous part of ExecuteAsync.
        await Task.Yield();
        var failures = 0;
        var delay = settings.StartDelay;
        while (await StoppableDelay.WaitAsync(delay, clock, stoppingToken))
        {
            var report = await RunOnceAsync(stoppingToken);
            if (report is null)
            {
                return;
            }

            if (report.Succeeded)
            {
                if (failures > 0)
                {
                    logger.LogInformation("arXiv is reachable again; harvest completed after {Failures} failed attempt(s)", failures);
                }

                failures = 0;
                delay = settings.Interval;
                continue;
            }

            failures++;
            delay = RetryDelay(failures, settings.Interval);
            Report(report.Failures, failures, delay);
        }
    }

    /// <summary>1, 2, 4… minutes after consecutive failures, never longer than the harvest interval.</summary>
    public static TimeSpan RetryDelay(int failures, TimeSpan interval)
    {
        var delay = FirstRetry * Math.Pow(2, Math.Min(failures - 1, 20));
        return delay < interval ? delay : interval;
    }

    private async Task<ArxivHarvestReport?> RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var report = await harvester.RunAsync(new ArxivHarvestRequest(), null, stoppingToken);
            var total = report.Total;
            logger.LogInformation(
                "arXiv harvest: {New} new, {Updated} updated, {Unchanged} unchanged, {Deleted} deleted, {Rejected} rejected",
                total.New, total.Updated, total.Unchanged, total.Deleted, total.Rejected);
            return report;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            // The store itself failing (disk full, database down) must not end the service either.
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
