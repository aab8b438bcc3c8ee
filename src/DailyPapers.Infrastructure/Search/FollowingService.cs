using DailyPapers.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Infrastructure.Search;

/// <summary>
/// A background loop that keeps derived state following the store while the app runs: one round at start, then one
/// every <see cref="PollInterval"/>. A failing round (database down, index locked by a reindex) is reported once per
/// failure streak and retried after 2, 4, 8… poll intervals, up to a minute; the site keeps serving what it has.
/// </summary>
public abstract class FollowingService(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    /// <summary>What the loop keeps current, for log messages ("The search index").</summary>
    protected abstract string Subject { get; }

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>One round of catching up.</summary>
    protected abstract Task FollowAsync(CancellationToken cancellationToken);

    /// <summary>A failure that is expected now and then (a lock held by another process): a warning without a stack trace.</summary>
    protected virtual bool IsTransient(Exception failure) => false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: the first round on a large store takes a while.
        await Task.Yield();
        var failures = 0;
        do
        {
            try
            {
                await FollowAsync(stoppingToken);
                if (failures > 0)
                {
                    logger.LogInformation("{Subject} is following the store again, after {Failures} failed attempt(s)", Subject, failures);
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
        while (await StoppableDelay.WaitAsync(Delay(failures), clock, stoppingToken));
    }

    private TimeSpan Delay(int failures)
    {
        if (failures == 0)
        {
            return PollInterval;
        }

        var delay = PollInterval * Math.Pow(2, Math.Min(failures, 20));
        return delay < LongestRetry ? delay : LongestRetry;
    }

    private void Report(Exception error, int streak)
    {
        // One message per streak: a database that is down for an hour should not fill the log.
        if (streak > 1)
        {
            logger.LogDebug(error, "{Subject} failed to catch up again ({Failures} in a row)", Subject, streak);
        }
        else if (IsTransient(error))
        {
            logger.LogWarning("{Subject} is waiting to catch up: {Reason}", Subject, error.Message);
        }
        else
        {
            logger.LogError(error, "{Subject} failed to catch up; searches use what it has, and it will retry", Subject);
        }
    }
}
