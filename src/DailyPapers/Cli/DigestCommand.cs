using System.CommandLine;
using System.Globalization;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Mail;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers digest preview|send</c>: show one period's digest as a subscriber would get it, or plan and send it
/// by hand. Sending goes through the same outbox as the running site, so a period sent by hand, by the site, or by
/// two runs at once reaches each subscriber once.
/// </summary>
internal static class DigestCommand
{
    /// <summary>Bad arguments or settings, as for the other verbs (harvest, bench).</summary>
    private const int BadUsage = 2;

    public static Command Build()
    {
        var digest = new Command("digest", "Preview or send the email digests.");
        var kind = new Option<string>("--kind")
        {
            Description = "daily or weekly (trending, to every subscriber), for-you-daily or for-you-weekly (each reader's own list)",
            DefaultValueFactory = _ => "daily",
        };
        var date = new Option<string?>("--date") { Description = "The listing day (yyyy-MM-dd) or, for weekly, any day of the week; default: the latest listing day." };
        var email = new Option<string>("--email") { Description = "The subscriber the preview is for (links carry their token).", Required = true };
        var html = new Option<bool>("--html") { Description = "Print the HTML part instead of the text part." };

        var preview = new Command("preview", "Print a digest as a subscriber would get it; nothing is sent or recorded.") { kind, date, email, html };
        preview.SetAction((parse, ct) => PreviewAsync(parse.GetValue(kind)!, parse.GetValue(date), parse.GetValue(email)!, parse.GetValue(html), parse.GetValue(CommandLine.Data), ct));
        var send = new Command("send", "Plan one period's digest for every confirmed subscriber and send the outbox now.") { kind, date };
        send.SetAction((parse, ct) => SendAsync(parse.GetValue(kind)!, parse.GetValue(date), parse.GetValue(CommandLine.Data), ct));
        digest.Subcommands.Add(preview);
        digest.Subcommands.Add(send);
        return digest;
    }

    private static async Task<int> PreviewAsync(string kind, string? date, string email, bool html, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var services = CliServices.Create(dataOption);
        var (ready, exitCode) = await ReadyAsync(services, kind, date, cancellationToken);
        if (ready is not { } period)
        {
            return exitCode;
        }

        var previews = services.GetRequiredService<DigestPreview>();
        PreviewedDigest? preview;
        if (period.Kind is OutboxKind.ForYouDaily or OutboxKind.ForYouWeekly)
        {
            await LoadVectorsAsync(services, cancellationToken);
            (preview, var problem) = await previews.ComposeForYouAsync(period.Kind, period.Period, email, cancellationToken);
            if (preview is null)
            {
                console.WriteLine(problem ?? "No digest would be sent.");
                return 0;
            }
        }
        else if ((preview = await previews.ComposeAsync(period.Kind, period.Period, email, cancellationToken)) is null)
        {
            console.WriteLine($"Nothing was listed for {period.Period.Key}: no digest would be sent.");
            return 0;
        }

        if (!preview.IsSubscriber)
        {
            // On stderr, so that the preview itself can still be piped; it is still worth seeing before anyone subscribes.
            await Console.Error.WriteLineAsync(
                $"note: {email} has no subscription here, so the manage and unsubscribe links in this preview are examples that lead nowhere.");
        }

        // Plain output: a preview is meant to be read or piped, without console markup.
        var message = preview.Email;
        Console.Out.WriteLine(html ? message.Html : $"Subject: {message.Subject}\n\n{message.Text}");
        return 0;
    }

    private static async Task<int> SendAsync(string kind, string? date, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var services = CliServices.Create(dataOption);
        var (ready, exitCode) = await ReadyAsync(services, kind, date, cancellationToken);
        if (ready is not { } period)
        {
            return exitCode;
        }

        var planner = services.GetRequiredService<DigestPlanner>();
        var forYou = services.GetRequiredService<ForYouDigestPlanner>();
        if (period.Kind is OutboxKind.ForYouDaily or OutboxKind.ForYouWeekly)
        {
            await LoadVectorsAsync(services, cancellationToken);
        }

        var plan = period.Kind switch
        {
            OutboxKind.Daily => await planner.PlanDailyByHandAsync(period.Period.Start, cancellationToken),
            OutboxKind.Weekly => await planner.PlanWeeklyByHandAsync(period.Period, cancellationToken),
            OutboxKind.ForYouDaily => await forYou.PlanDailyAsync(period.Period.Start, byHand: true, cancellationToken),
            _ => await forYou.PlanWeeklyAsync(period.Period, byHand: true, cancellationToken),
        };
        var personal = period.Kind is OutboxKind.ForYouDaily or OutboxKind.ForYouWeekly;
        console.WriteLine((plan.Papers, personal) switch
        {
            (0, false) => $"Nothing was listed for {plan.PeriodKey}: no digest to send.",
            (0, true) => $"No reader's list to send for {plan.PeriodKey} (nobody asked for it, each was planned before, or nothing was listed).",
            (_, false) => $"Planned {plan.PeriodKey}: {plan.Papers} papers, {plan.Added} new messages ({(plan.Added == 0 ? "already planned for everyone" : "one per subscriber")}).",
            _ => $"Planned {plan.PeriodKey}: {plan.Added} readers' own lists of up to {plan.Papers} papers.",
        });

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("digest");
        var sender = services.GetRequiredService<OutboxSender>();
        await using var transport = MailTransportFactory.Create(
            services.GetRequiredService<IOptions<SmtpOptions>>().Value, services.GetRequiredService<MailDirectory>().DataDirectory, logger);
        var report = await sender.SendDueAsync(transport, cancellationToken);
        // Counted in the outbox, not by this run: messages an earlier run deferred, not yet due, wait too.
        var outboxKey = period.Period.Kind == ListingPeriodKind.Week ? DigestPlanner.WeeklyKey(period.Period) : DigestPlanner.DailyKey(period.Period.Start);
        var waiting = await sender.WaitingAsync(period.Kind, outboxKey, cancellationToken);
        console.WriteLine($"Sent {report.Sent} through {transport.Description}; {report.Failed} refused; {waiting} waiting to retry.");
        return waiting > 0 ? 75 : 0; // EX_TEMPFAIL: run again later, nothing was lost
    }

    /// <summary>
    /// What both verbs start with: the arguments, then the settings (a bad one stops the verb before anything is
    /// planned, not halfway through sending), the store, and the period; no period, and the exit code, when one fails.
    /// </summary>
    private static async Task<((OutboxKind Kind, ListingPeriod Period)? Period, int ExitCode)> ReadyAsync(
        ServiceProvider services, string kind, string? date, CancellationToken cancellationToken)
    {
        if (!await ArgumentsValidAsync(kind, date) || !await SettingsValidAsync(services))
        {
            return (null, BadUsage);
        }

        await CliServices.PrepareStoreAsync(services, cancellationToken);
        if (await PeriodAsync(services, kind, date, cancellationToken) is not { } period)
        {
            AnsiConsole.Console.WriteLine("error: the store has no listings yet; import or harvest papers first.");
            return (null, 1);
        }

        return (period, 0);
    }

    /// <summary>--kind and --date, checked before anything is read; each mistake is named on stderr.</summary>
    private static async Task<bool> ArgumentsValidAsync(string kind, string? date)
    {
        if (Kind(kind) is null)
        {
            await Console.Error.WriteLineAsync($"error: --kind must be daily, weekly, for-you-daily or for-you-weekly (got \"{kind}\").");
            return false;
        }

        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            await Console.Error.WriteLineAsync($"error: --date must be a day such as 2025-06-10 (got \"{date}\").");
            return false;
        }

        return true;
    }

    /// <summary>The settings digests depend on, each problem on one line naming the setting, instead of a stack trace later.</summary>
    private static async Task<bool> SettingsValidAsync(ServiceProvider services)
    {
        List<string> problems = [.. CliServices.SettingsProblems<SmtpOptions>(services), .. CliServices.SettingsProblems<DigestOptions>(services)];
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"error: {problem}");
        }

        return problems.Count == 0;
    }

    private static async Task<(OutboxKind Kind, ListingPeriod Period)?> PeriodAsync(ServiceProvider services, string kind, string? date, CancellationToken cancellationToken)
    {
        DateOnly day;
        if (date is null)
        {
            await using var reader = services.GetRequiredService<PaperQueries>().OpenReader();
            if (await reader.LatestListingDayAsync(cancellationToken) is not { } latest)
            {
                return null;
            }

            day = latest;
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return null;
        }

        return Kind(kind) switch
        {
            OutboxKind.Daily => (OutboxKind.Daily, ListingPeriod.Day(day)),
            OutboxKind.Weekly => (OutboxKind.Weekly, ListingPeriod.WeekOf(day)),
            OutboxKind.ForYouDaily => (OutboxKind.ForYouDaily, ListingPeriod.Day(day)),
            OutboxKind.ForYouWeekly => (OutboxKind.ForYouWeekly, ListingPeriod.WeekOf(day)),
            _ => null,
        };
    }

    private static OutboxKind? Kind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "daily" => OutboxKind.Daily,
        "weekly" => OutboxKind.Weekly,
        "for-you-daily" => OutboxKind.ForYouDaily,
        "for-you-weekly" => OutboxKind.ForYouWeekly,
        _ => null,
    };

    /// <summary>
    /// The paper vectors, as the site holds them, before readers' lists are ranked: without them each list would fall back
    /// to the authors of what its reader liked, unlike the list the reader sees on the site.
    /// </summary>
    internal static async Task LoadVectorsAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        // Registered only when embeddings are on.
        if (services.GetService<VectorIndexFollower>() is { } follower)
        {
            await follower.CatchUpAsync(cancellationToken);
        }
    }
}
