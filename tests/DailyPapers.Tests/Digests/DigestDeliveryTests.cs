using System.Net;
using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DailyPapers.Tests.Digests;

/// <summary>Double opt-in, digests delivered exactly once, retries while SMTP is down, one-click unsubscribe.</summary>
public sealed partial class DigestDeliveryTests
{
    [Fact]
    public async Task Subscribe_confirm_by_the_emailed_link_receive_a_digest_and_leave_with_one_click()
    {
        await using var site = await DigestSite.StartAsync();

        using var subscribed = await site.App.Client.PostAsync("/subscribe", Form(("Email", "ada@example.test")));
        await site.SendAsync();
        var confirmation = Assert.Single(site.Smtp.Messages).Message;
        var confirmLink = LinkPattern().Matches(confirmation.TextBody ?? "").Select(m => m.Value).Single(l => l.Contains("/subscriptions/confirm", StringComparison.Ordinal));
        var nothingBeforeConfirming = await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        var confirmed = await site.App.Client.GetStringAsync(DigestSite.Local(confirmLink));
        await DigestSite.BackdateConfirmationsAsync(site.Store);
        await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        await site.SendAsync();
        var digest = site.Smtp.Messages[1].Message;
        var unsubscribe = digest.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        // What a mail client does for RFC 8058: POST List-Unsubscribe=One-Click, no cookies, no token but the link's.
        using var oneClick = await site.App.Client.PostAsync(DigestSite.Local(unsubscribe), Form(("List-Unsubscribe", "One-Click")));
        var afterLeaving = await site.Service<DigestPlanner>().PlanWeeklyAsync(Core.Listings.ListingPeriod.WeekOf(DigestSite.Day), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Contains("Check your inbox", await subscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, nothingBeforeConfirming.Added);
        Assert.Contains("You are subscribed", confirmed, StringComparison.Ordinal);
        Assert.Equal(["ada@example.test"], site.Smtp.Messages[1].Recipients);
        Assert.Contains("Paper number 1", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://papers.example.test/papers/2506.00001", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers[HeaderId.ListUnsubscribePost]);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(0, afterLeaving.Added);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await context.Subscriptions.SingleAsync()).Status);
    }

    [Fact]
    public async Task Subscribing_says_the_same_for_known_addresses_and_refuses_invalid_ones()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(1);

        using var known = await site.App.Client.PostAsync("/subscribe", Form(("Email", "reader1@example.test")));
        using var unknown = await site.App.Client.PostAsync("/subscribe", Form(("Email", "new@example.test")));
        using var invalid = await site.App.Client.PostAsync("/subscribe", Form(("Email", "not an address")));
        using var noDomain = await site.App.Client.PostAsync("/subscribe", Form(("Email", "ada@localhost")));

        var knownText = Notice(await known.Content.ReadAsStringAsync()).Replace("reader1@example.test", "X", StringComparison.Ordinal);
        var unknownText = Notice(await unknown.Content.ReadAsStringAsync()).Replace("new@example.test", "X", StringComparison.Ordinal);
        Assert.Equal(knownText, unknownText);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("is not an email address", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noDomain.StatusCode);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(2, await context.Subscriptions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Two_senders_at_once_deliver_each_digest_exactly_once(StoreProvider provider)
    {
        await using var site = await DigestSite.StartAsync(provider, new Dictionary<string, string?> { ["Digests:BatchSize"] = "7" });
        await site.SubscribeConfirmedAsync(60);

        // Planned twice at once, sent by two senders at once, then planned and sent again.
        await Task.WhenAll(
            site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None),
            site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None));
        var reports = await Task.WhenAll(site.SendAsync(site.NewSender()), site.SendAsync(site.NewSender()));
        await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        await site.SendAsync();

        var recipients = site.Smtp.Messages.SelectMany(m => m.Recipients).ToList();
        Assert.Equal(60, recipients.Count);
        Assert.Equal(60, recipients.Distinct().Count());
        Assert.Equal(60, reports.Sum(r => r.Sent));
        Assert.All(reports, r => Assert.True(r.Sent > 0, "both senders took part"));
    }

    [Fact]
    public async Task While_smtp_is_down_nothing_is_lost_and_everything_goes_once_it_is_back()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(5);
        await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);

        await site.Smtp.StopAsync();
        var down = await site.SendAsync();
        site.Smtp.FailTemporarily = true;
        await site.Smtp.StartAsync(site.Smtp.Port);
        await Task.Delay(200);
        var busy = await site.SendAsync();
        site.Smtp.FailTemporarily = false;
        await Task.Delay(500);
        var up = await site.SendAsync();

        Assert.Equal((0, 1), (down.Sent, down.Retrying));
        Assert.Equal((0, 1), (busy.Sent, busy.Retrying));
        Assert.Equal(5, up.Sent);
        Assert.Equal(5, site.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        await using var context = site.Store.Factory.CreateContext();
        Assert.All(await context.Outbox.ToListAsync(), row => Assert.Equal(OutboxStatus.Sent, row.Status));
    }

    [Fact]
    public async Task Three_recipients_put_off_in_a_row_stop_the_run_as_a_server_refusing_would()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(6);
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            // A relay's rate limit, answered at RCPT TO like a single mailbox's trouble.
            site.Smtp.RejectRecipient($"reader{n}@example.test", 450, "4.7.1 Recipient rate limit exceeded");
        }

        await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        var run = await site.SendAsync();

        Assert.Equal((0, 3, 0), (run.Sent, run.Retrying, run.Failed));
        Assert.Empty(site.Smtp.Messages);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(3, await context.Outbox.CountAsync(o => o.Attempts == 1));
        Assert.Equal(6, await context.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_451_for_some_recipients_defers_only_them_and_the_rest_of_the_batch_goes_out(StoreProvider provider)
    {
        await using var site = await DigestSite.StartAsync(provider);
        await site.SubscribeConfirmedAsync(11);
        string[] greylisted = ["reader2@example.test", "reader5@example.test", "reader9@example.test"];
        foreach (var address in greylisted)
        {
            site.Smtp.RejectRecipient(address, 451, "4.7.1 Greylisted, try again later");
        }

        await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        var first = await site.SendAsync();
        var afterFirst = site.Smtp.Messages.Select(m => m.Recipients.Single()).ToList();
        var sessions = site.Smtp.SessionCount;
        List<OutboxEntity> waiting;
        await using (var context = site.Store.Factory.CreateContext())
        {
            waiting = await context.Outbox.Where(o => o.Status != OutboxStatus.Sent).ToListAsync();
        }

        foreach (var address in greylisted)
        {
            site.Smtp.AcceptRecipient(address);
        }

        await Task.Delay(300); // their retry time (Digests:RetryDelay, 50 ms here)
        var second = await site.SendAsync();

        Assert.Equal((8, 3, 0), (first.Sent, first.Retrying, first.Failed));
        Assert.Equal(8, afterFirst.Distinct().Count());
        Assert.DoesNotContain(afterFirst, greylisted.Contains);
        Assert.Equal(1, sessions);
        Assert.Equal(3, waiting.Count);
        Assert.All(waiting, row =>
        {
            Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
            Assert.Contains("451 4.7.1 Greylisted", row.LastError, StringComparison.Ordinal);
        });
        Assert.Equal((3, 0), (second.Sent, second.Retrying));
        Assert.Equal(11, site.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        await using var check = site.Store.Factory.CreateContext();
        Assert.Equal(11, await check.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task Repeated_hard_bounces_pause_a_subscription_and_leave_the_others_alone()
    {
        await using var site = await DigestSite.StartAsync(StoreProvider.Sqlite, new Dictionary<string, string?> { ["Digests:HardFailuresToPause"] = "2" });
        await site.SubscribeConfirmedAsync(3);
        site.Smtp.RejectRecipient("reader2@example.test");

        await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        await site.SendAsync();
        await site.Service<DigestPlanner>().PlanWeeklyAsync(Core.Listings.ListingPeriod.WeekOf(DigestSite.Day), CancellationToken.None);
        await using (var context = site.Store.Factory.CreateContext())
        {
            await context.Subscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.Weekly, true));
        }

        await site.Service<DigestPlanner>().PlanWeeklyAsync(Core.Listings.ListingPeriod.WeekOf(DigestSite.Day), CancellationToken.None);
        await site.SendAsync();

        await using var check = site.Store.Factory.CreateContext();
        var bounced = await check.Subscriptions.SingleAsync(s => s.Email == "reader2@example.test");
        Assert.Equal(SubscriptionStatus.Paused, bounced.Status);
        Assert.Contains("550", bounced.LastFailure, StringComparison.Ordinal);
        Assert.Equal(4, site.Smtp.Messages.Count);
        Assert.Equal(2, await check.Outbox.CountAsync(o => o.Status == OutboxStatus.Failed));
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string Notice(string page) => NoticePattern().Match(page).Value;

    [GeneratedRegex("https?://[^\\s<>\"]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<p class=\"notice[^\"]*\"[^>]*>[^<]*</p>")]
    private static partial Regex NoticePattern();
}
