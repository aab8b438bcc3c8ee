using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>Runs the sending job now (a confirmation email should not wait for the next poll), when jobs run here.</summary>
public sealed class OutboxTrigger(IServiceProvider services)
{
    public async Task NowAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        if (await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running && await scheduler.Exists(SendOutboxJob.Key, cancellationToken))
        {
            await scheduler.TriggerJob(SendOutboxJob.Key, cancellationToken);
        }
    }
}
