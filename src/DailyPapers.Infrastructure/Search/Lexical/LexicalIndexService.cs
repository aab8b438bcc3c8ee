using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Keeps the search index current while the app runs: a catch-up at start, then one every
/// <see cref="LexicalOptions.PollInterval"/>, so a paper imported or harvested meanwhile is findable within seconds.
/// A failing catch-up (database down, index locked by a reindex) is reported once per failure streak and retried
/// after 2, 4, 8… poll intervals, up to a minute; the site keeps searching the index it has.
/// </summary>
public sealed class LexicalIndexService(
    LexicalIndexer indexer, IOptions<LexicalOptions> options, TimeProvider clock, ILogger<LexicalIndexService> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: the first catch-up of a large store takes a while.
        await Task.Yield();
        var failures = 0;
        do
        {
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
                if (failures > 0)
                {
                    logger.LogInformation("The search index is following the store again, after {Failures} failed attempt(s)", failures);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                Report(ex, failures);
            }
        }
        while (await WaitAsync(Delay(failures), stoppingToken));
    }

    private TimeSpan Delay(int failures)
    {
        var interval = options.Value.PollInterval;
        if (failures == 0)
        {
            return interval;
        }

        var delay = interval * Math.Pow(2, Math.Min(failures, 20));
        return delay < LongestRetry ? delay : LongestRetry;
    }

    private void Report(Exception error, int streak)
    {
        // One message per streak: a database that is down for an hour should not fill the log.
        if (streak > 1)
        {
            logger.LogDebug(error, "Search index catch-up failed again ({Failures} in a row)", streak);
        }
        else if (error is LexicalIndexBusyException)
        {
            logger.LogWarning("Search index catch-up is waiting: {Reason}", error.Message);
        }
        else
        {
            logger.LogError(error, "Search index catch-up failed; searches use the index as it is, and it will retry");
        }
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
