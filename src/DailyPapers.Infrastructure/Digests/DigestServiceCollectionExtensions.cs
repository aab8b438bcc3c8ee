using DailyPapers.Infrastructure.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace DailyPapers.Infrastructure.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>Subscriptions, planning and sending, for the web host and the CLI. Needs the store and data protection.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => Uri.TryCreate(o.SiteUrl, UriKind.Absolute, out var site) && (site.Scheme == "http" || site.Scheme == "https"),
                "Digests:SiteUrl must be the site's absolute http(s) address, such as https://papers.example.org.")
            .Validate(o => TryZone(o.TimeZone), "Digests:TimeZone must be a time zone id such as UTC or Europe/Berlin.")
            .Validate(o => o.PapersPerDigest is > 0 and <= 100 && o.BatchSize > 0 && o.ClaimLease > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero,
                "Digests:PapersPerDigest (1–100), BatchSize, ClaimLease and RetryDelay must be positive.")
            .ValidateOnStart();
        // Bound by the options themselves, so that an unreadable value (Security=ssl) is reported like a wrong one.
        services.AddOptions<SmtpOptions>().Configure(o => o.BindFrom(configuration.GetSection(SmtpOptions.Section))).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // Digests rank by trending; the web host validates these settings, the CLI reads them the same way.
        services.AddOptions<Core.Ranking.TrendingOptions>().Bind(configuration.GetSection(Core.Ranking.TrendingOptions.Section));
        services.AddSingleton(new MailDirectory(dataDirectory));
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<Subscriptions>();
        services.AddSingleton<SubscriberImport>();
        services.AddSingleton<DigestPlanner>();
        services.AddSingleton<AlertPlanner>();
        services.AddSingleton<DigestRun>();
        services.AddSingleton<DigestMessages>();
        services.AddSingleton<DigestPreview>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxTrigger>();
        services.AddSingleton<DirectMail>();
        return services;
    }

    /// <summary>
    /// The web host's digest jobs: plan at the send time and at start-up, send every few seconds. Needs
    /// <c>AddJobScheduler</c>; on PostgreSQL each runs on one node at a time, and a run cut short by a dead node runs again
    /// on another.
    /// </summary>
    public static IServiceCollection AddDigestJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.AddJob<PlanDigestsJob>(job => job.WithIdentity(PlanDigestsJob.Key).RequestRecovery());
            quartz.AddJob<SendOutboxJob>(job => job.WithIdentity(SendOutboxJob.Key).RequestRecovery());
            var zone = TryZone(options.TimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) : TimeZoneInfo.Utc;
            quartz.AddTrigger(t => t.ForJob(PlanDigestsJob.Key).WithIdentity("plan-digests-daily", "digests")
                .WithCronSchedule($"0 {options.SendAt.Minute} {options.SendAt.Hour} * * ?", cron => cron.InTimeZone(zone)));
            // Once at start-up: a run missed while the app was down is planned now (planning twice adds nothing).
            quartz.AddTrigger(t => t.ForJob(PlanDigestsJob.Key).WithIdentity("plan-digests-startup", "digests").StartAt(DateTimeOffset.UtcNow.AddSeconds(5)));
            quartz.AddTrigger(t => t.ForJob(SendOutboxJob.Key).WithIdentity("send-outbox", "digests")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(2))
                .WithSimpleSchedule(s => s.WithInterval(options.SendInterval).RepeatForever()));
        });
        return services;
    }

    private static bool TryZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
