using DailyPapers.Infrastructure.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>Plans the digests due now, then sends. Fires at the configured time each day and once at start-up (a missed run).</summary>
[DisallowConcurrentExecution]
public sealed class PlanDigestsJob(DigestRun run, ILogger<PlanDigestsJob> logger) : IJob
{
    public static readonly JobKey Key = new("plan-digests", "digests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await run.PlanDueAsync(cancellationToken);
            await context.Scheduler.TriggerJob(SendOutboxJob.Key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next firing (or the next start) plans the same periods again; nothing is lost by waiting.
            logger.LogError(e, "Planning digests failed");
        }
    }
}

/// <summary>Sends what the outbox holds: every few seconds, and right after something is queued.</summary>
[DisallowConcurrentExecution]
public sealed class SendOutboxJob(OutboxSender sender, IOptions<SmtpOptions> smtp, MailDirectory directory, ILogger<SendOutboxJob> logger) : IJob
{
    public static readonly JobKey Key = new("send-outbox", "digests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var transport = MailTransportFactory.Create(smtp.Value, directory.DataDirectory, logger);
            var report = await sender.SendDueAsync(transport, cancellationToken);
            if (report.Attempted > 0)
            {
                logger.LogInformation(
                    "Outbox: {Sent} sent, {Failed} refused, {Retrying} waiting to retry ({Transport})", report.Sent, report.Failed, report.Retrying, transport.Description);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sending the outbox failed; it is tried again at the next run");
        }
    }
}

/// <summary>The data folder, where messages go as files when no SMTP server is configured.</summary>
public sealed record MailDirectory(string DataDirectory);
