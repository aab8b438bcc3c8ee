using System.Globalization;
using System.Text.Json;
using DailyPapers.Core.Digests;
using DailyPapers.Core.Listings;
using DailyPapers.Infrastructure.Mail;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>The emails themselves: a period's content from its papers, and each subscriber's message with their links.</summary>
public sealed class DigestMessages(
    StoreContextFactory store, PaperQueries papers, SubscriptionTokens tokens, IOptions<DigestOptions> options, IOptions<SmtpOptions> smtp)
{
    private Uri Site => new(options.Value.SiteUrl.TrimEnd('/') + "/");

    /// <summary>The digest an outbox row plans, from its payload (paper ids, or a "for you" list with reasons).</summary>
    public Task<DigestContent?> ContentAsync(OutboxKind kind, string periodKey, string payload, CancellationToken cancellationToken)
    {
        if (kind is OutboxKind.ForYouDaily or OutboxKind.ForYouWeekly)
        {
            var items = ForYouDigestPayload.Read(payload);
            var reasons = items.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
            return ContentAsync(kind, periodKey, [.. reasons.Keys], reasons, cancellationToken);
        }

        return ContentAsync(kind, periodKey, JsonSerializer.Deserialize<List<string>>(payload) ?? [], cancellationToken);
    }

    /// <summary>The digest of a period from its planned papers, or null when none of them is shown any more (hidden, withdrawn).</summary>
    public Task<DigestContent?> ContentAsync(OutboxKind kind, string periodKey, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        ContentAsync(kind, periodKey, ids, reasons: null, cancellationToken);

    private async Task<DigestContent?> ContentAsync(
        OutboxKind kind, string periodKey, IReadOnlyList<string> ids, IReadOnlyDictionary<string, string>? reasons, CancellationToken cancellationToken)
    {
        await using var reader = papers.OpenReader();
        var found = await reader.FindManyAsync(ids, cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }

        var list = found.Select(p => new DigestPaper(
            p.Id, p.Title, p.Authors, p.AiSummary ?? p.Abstract, p.Votes, p.NumComments, p.GithubRepo, reasons?.GetValueOrDefault(p.Id))).ToList();
        if (kind == OutboxKind.Alert)
        {
            var query = await AlertQueryAsync(periodKey, cancellationToken);
            return new DigestContent(DigestKind.Alert, query is null ? "New papers for your alert" : $"New papers for your alert “{query}”", list, query);
        }

        var digestKind = kind switch
        {
            OutboxKind.Weekly => DigestKind.Weekly,
            OutboxKind.ForYouDaily or OutboxKind.ForYouWeekly => DigestKind.ForYou,
            _ => DigestKind.Daily,
        };
        return new DigestContent(digestKind, Heading(kind, periodKey), list);
    }

    public DigestLinks Links(SubscriptionEntity subscription)
    {
        var token = Uri.EscapeDataString(tokens.Manage(subscription));
        return new DigestLinks(Site, new Uri(Site, $"subscriptions/manage?token={token}"), new Uri(Site, $"subscriptions/unsubscribe?token={token}"));
    }

    /// <summary>One subscriber's digest from a template prepared once per period (only the links differ).</summary>
    public MimeMessage Digest(DigestTemplate template, SubscriptionEntity subscription, long outboxId)
    {
        var links = Links(subscription);
        return MailMessages.Build(template.Personalise(links), From, To(subscription), MessageId(outboxId), links.Unsubscribe);
    }

    public MimeMessage Confirmation(SubscriptionEntity subscription, long outboxId)
    {
        var confirm = new Uri(Site, $"subscriptions/confirm?token={Uri.EscapeDataString(tokens.Confirmation(subscription))}");
        return MailMessages.Build(DigestComposer.Confirmation(subscription.Email, confirm, Site), From, To(subscription), MessageId(outboxId), unsubscribe: null);
    }

    public MimeMessage AlreadySubscribed(SubscriptionEntity subscription, long outboxId) =>
        MailMessages.Build(DigestComposer.AlreadySubscribed(subscription.Email, Links(subscription).Manage, Site), From, To(subscription), MessageId(outboxId), unsubscribe: null);

    /// <summary>The alert's search as the reader wrote it (query and categories), from the row's "{alert id}:{day}" key.</summary>
    private async Task<string?> AlertQueryAsync(string periodKey, CancellationToken cancellationToken)
    {
        var colon = periodKey.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(periodKey.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var alertId))
        {
            return null;
        }

        await using var context = store.CreateContext();
        var alert = await context.SavedSearches.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        return alert is null ? null : string.Join(" in ", new[] { alert.Query, alert.Categories }.Where(t => t.Length > 0));
    }

    private MailboxAddress From => MailboxAddress.Parse(smtp.Value.From);

    private static MailboxAddress To(SubscriptionEntity subscription) => new(null, subscription.Email);

    /// <summary>Fixed per outbox row: a message sent twice (a sender killed mid-send) carries the same id both times.</summary>
    private string MessageId(long outboxId) => $"outbox-{outboxId.ToString(CultureInfo.InvariantCulture)}@{Site.Host}";

    private static string Heading(OutboxKind kind, string periodKey) => kind switch
    {
        OutboxKind.Daily when Day(periodKey) is { } day => $"Trending papers · {day}",
        OutboxKind.Weekly when Week(periodKey) is { } week => $"Top papers of the week {week}",
        OutboxKind.ForYouDaily when Day(periodKey) is { } day => $"Your papers · {day}",
        OutboxKind.ForYouWeekly when Week(periodKey) is { } week => $"Your papers of the week {week}",
        _ => "Papers",
    };

    /// <summary>"Tuesday, June 10, 2025" for a daily key.</summary>
    private static string? Day(string periodKey) =>
        DateOnly.TryParseExact(periodKey, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)
            : null;

    /// <summary>"2025-W24 (Jun 9 – Jun 15, 2025)" for a weekly key.</summary>
    private static string? Week(string periodKey) =>
        ListingPeriod.TryParseWeek(periodKey, out var week)
            ? $"{week.Key} ({week.Start.ToString("MMM d", CultureInfo.InvariantCulture)} – {week.End.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)})"
            : null;
}
