using System.Net;
using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DailyPapers.Tests.Digests;

/// <summary>
/// The links in emails over a subscription's life: a confirmation link confirms only a pending request, leaving and
/// coming back work from the manage page, and who confirmed after a digest fell due does not get it.
/// </summary>
public sealed partial class SubscriptionLinkTests
{
    [Fact]
    public async Task An_old_confirmation_link_never_undoes_an_unsubscribe()
    {
        await using var site = await DigestSite.StartAsync();
        var confirm = await SubscribeAsync(site, "ada@example.test");

        using var first = await site.App.Client.GetAsync(confirm);
        using var again = await site.App.Client.GetAsync(confirm);
        var unsubscribe = await UnsubscribeLinkAsync(site);
        using var left = await site.App.Client.PostAsync(unsubscribe, Form(("List-Unsubscribe", "One-Click")));
        // A mail scanner re-checking the links of the old email, days later.
        using var rechecked = await site.App.Client.GetAsync(confirm);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("You are subscribed", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var againPage = await again.Content.ReadAsStringAsync();
        Assert.Contains("Already confirmed", againPage, StringComparison.Ordinal);
        Assert.Contains("/subscriptions/manage?token=", againPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rechecked.StatusCode);
        var recheckedPage = await rechecked.Content.ReadAsStringAsync();
        Assert.Contains("This link is no longer valid", recheckedPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/subscribe\"", recheckedPage, StringComparison.Ordinal);
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await SubscriptionAsync(site)).Status);
    }

    [Fact]
    public async Task After_subscribing_again_only_the_new_confirmation_link_confirms()
    {
        await using var site = await DigestSite.StartAsync();
        var oldLink = await SubscribeAsync(site, "ada@example.test");
        (await site.App.Client.GetAsync(oldLink)).Dispose();
        (await site.App.Client.PostAsync(await UnsubscribeLinkAsync(site), Form(("List-Unsubscribe", "One-Click")))).Dispose();
        var newLink = await SubscribeAsync(site, "ada@example.test");

        using var old = await site.App.Client.GetAsync(oldLink);
        var pendingAfterOld = (await SubscriptionAsync(site)).Status;
        using var fresh = await site.App.Client.GetAsync(newLink);

        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(SubscriptionStatus.Pending, pendingAfterOld);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(SubscriptionStatus.Confirmed, (await SubscriptionAsync(site)).Status);
    }

    [Fact]
    public async Task A_subscribed_address_asking_again_is_told_by_email_with_its_preferences_link_and_the_page_says_the_same()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(1);
        var email = (await SubscriptionAsync(site)).Email;
        var before = site.Smtp.Messages.Count;

        using var known = await site.App.Client.PostAsync("/subscribe", Form(("Email", email)));
        using var again = await site.App.Client.PostAsync("/subscribe", Form(("Email", email)));
        using var unknown = await site.App.Client.PostAsync("/subscribe", Form(("Email", "new@example.test")));
        await site.SendAsync();
        var notice = Assert.Single(site.Smtp.Messages.Skip(before), m => m.Message.To.ToString().Contains(email, StringComparison.Ordinal)).Message;
        var manage = DigestSite.Local(LinkPattern().Matches(notice.TextBody ?? "").Select(m => m.Value).Single(l => l.Contains("/subscriptions/manage", StringComparison.Ordinal)));
        using var managePage = await site.App.Client.GetAsync(manage);

        Assert.Equal(await Answer(unknown, "new@example.test"), await Answer(known, email));
        Assert.Equal(await Answer(unknown, "new@example.test"), await Answer(again, email));
        Assert.Equal("You are already subscribed to DailyPapers", notice.Subject);
        Assert.NotNull(notice.HtmlBody);
        Assert.Equal(HttpStatusCode.OK, managePage.StatusCode);
        Assert.Equal(SubscriptionStatus.Confirmed, (await site.Store.Factory.CreateContext().Subscriptions.AsNoTracking().SingleAsync(s => s.Email == email)).Status);

        // The page echoes the address typed; apart from it, the answers must not differ.
        static async Task<string> Answer(HttpResponseMessage response, string address) =>
            $"{(int)response.StatusCode} {response.Headers.Location} " +
            Regex.Replace(await response.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\"[^>]*>", "").Replace(address, "ADDRESS", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsubscribed_address_is_told_so_and_subscribes_again_from_the_manage_page()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(1);
        var unsubscribe = await UnsubscribeLinkAsync(site);
        var manage = unsubscribe.Replace("/subscriptions/unsubscribe", "/subscriptions/manage", StringComparison.Ordinal);
        using var browser = Browser(site);

        using var left = await site.App.Client.PostAsync(unsubscribe, Form(("List-Unsubscribe", "One-Click")));
        using var leftAgain = await site.App.Client.PostAsync(unsubscribe, Form(("List-Unsubscribe", "One-Click")));
        var unsubscribePage = await site.App.Client.GetStringAsync(unsubscribe);
        using var saved = await PostAsync(browser, manage, "Save", ("daily", "true"));
        var savedPage = await saved.Content.ReadAsStringAsync();
        using var resumed = await PostAsync(browser, manage, "Resume");
        var resumedPage = await resumed.Content.ReadAsStringAsync();
        var pending = await SubscriptionAsync(site);
        var before = site.Smtp.Messages.Count;
        await site.SendAsync();
        var confirmation = Assert.Single(site.Smtp.Messages.Skip(before)).Message;
        var confirm = DigestSite.Local(LinkPattern().Matches(confirmation.TextBody ?? "").Select(m => m.Value).Single(l => l.Contains("/subscriptions/confirm", StringComparison.Ordinal)));
        using var confirmed = await site.App.Client.GetAsync(confirm);
        var after = await SubscriptionAsync(site);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (left.StatusCode, leftAgain.StatusCode));
        Assert.Contains("Already unsubscribed", unsubscribePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Unsubscribe?", unsubscribePage, StringComparison.Ordinal);
        Assert.Contains("unsubscribed: nothing is sent.", savedPage, StringComparison.Ordinal);
        Assert.Contains("nothing is sent while you are unsubscribed", savedPage, StringComparison.Ordinal);
        Assert.Contains("Subscribe again</button>", savedPage, StringComparison.Ordinal);
        Assert.Contains("open the link in it to subscribe again", resumedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe again</button>", resumedPage, StringComparison.Ordinal);
        Assert.Equal(SubscriptionStatus.Pending, pending.Status); // the manage link alone cannot undo an unsubscribe
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(SubscriptionStatus.Confirmed, after.Status);
        Assert.True(after.ConfirmedAt > DigestSite.BeforeDayIsDue.UtcDateTime, "resuming counts as confirming now");
    }

    [Fact]
    public async Task A_paused_subscription_offers_a_button_to_resume()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(1);
        await using (var context = site.Store.Factory.CreateContext())
        {
            await context.Subscriptions.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SubscriptionStatus.Paused)
                .SetProperty(x => x.HardFailures, 3)
                .SetProperty(x => x.LastFailure, "550 no such user"));
        }

        var manage = (await UnsubscribeLinkAsync(site)).Replace("/subscriptions/unsubscribe", "/subscriptions/manage", StringComparison.Ordinal);
        using var browser = Browser(site);
        var page = await browser.GetStringAsync(manage);
        using var resumed = await PostAsync(browser, manage, "Resume");
        var after = await SubscriptionAsync(site);

        Assert.Contains("paused", page, StringComparison.Ordinal);
        Assert.Contains("Subscribe again</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(SubscriptionStatus.Pending, after.Status); // confirmed by the emailed link, which shows the mailbox works
    }

    [Fact]
    public async Task Pages_opened_from_email_links_are_not_stored_and_send_no_referrer()
    {
        await using var site = await DigestSite.StartAsync();
        var confirm = await SubscribeAsync(site, "ada@example.test");
        using var confirmed = await site.App.Client.GetAsync(confirm);
        var unsubscribe = await UnsubscribeLinkAsync(site);
        var manage = unsubscribe.Replace("/subscriptions/unsubscribe", "/subscriptions/manage", StringComparison.Ordinal);
        using var managePage = await site.App.Client.GetAsync(manage);
        using var unsubscribePage = await site.App.Client.GetAsync(unsubscribe);
        using var oneClick = await site.App.Client.PostAsync(unsubscribe, Form(("List-Unsubscribe", "One-Click")));
        using var forged = await site.App.Client.GetAsync("/subscriptions/manage?token=CfDJ8forged");
        using var home = await site.App.Client.GetAsync("/subscribe");

        foreach (var response in new[] { confirmed, managePage, unsubscribePage, oneClick, forged })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} has Cache-Control: no-store");
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }

        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(home.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_subscriber_confirmed_after_a_digest_fell_due_does_not_get_it_nor_the_alerts_of_that_day()
    {
        await using var site = await DigestSite.StartAsync();
        // Tuesday's daily falls due that day at 07:00 UTC, its week's weekly the Monday after at 07:00. Ada confirmed
        // before both, Grace between them, Alan after both (a restart then plans them late, but not for him).
        var dailyDue = new DateTimeOffset(DigestSite.Day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
        var weeklyDue = dailyDue.AddDays(6);
        await ImportAtAsync(site, dailyDue.AddHours(-1), "ada@example.test");
        await ImportAtAsync(site, dailyDue.AddHours(1), "grace@example.test");
        await ImportAtAsync(site, weeklyDue.AddHours(1), "alan@example.test");
        await using (var context = site.Store.Factory.CreateContext())
        {
            foreach (var subscription in await context.Subscriptions.ToListAsync())
            {
                context.SavedSearches.Add(new SavedSearchEntity
                {
                    SubscriptionId = subscription.Id,
                    Query = "",
                    Categories = "cs.LG",
                    CreatedAt = DateTime.UtcNow,
                    CoveredUntil = DigestSite.Day.AddDays(-1),
                });
            }

            await context.SaveChangesAsync();
        }

        await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        await site.Service<DigestPlanner>().PlanWeeklyAsync(Core.Listings.ListingPeriod.WeekOf(DigestSite.Day), CancellationToken.None);
        await site.Service<AlertPlanner>().PlanAsync(DigestSite.Day, CancellationToken.None);

        await using var check = site.Store.Factory.CreateContext();
        var planned = (await check.Outbox
                .Join(check.Subscriptions, o => o.SubscriptionId, s => s.Id, (o, s) => new { s.Email, o.Kind })
                .ToListAsync())
            .Select(p => $"{p.Email} {p.Kind}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["ada@example.test Alert", "ada@example.test Daily", "ada@example.test Weekly", "grace@example.test Weekly"],
            planned);
        // The alerts that were not planned have not looked yet: they take that day with the next listing day.
        var covered = await check.SavedSearches
            .Join(check.Subscriptions, a => a.SubscriptionId, s => s.Id, (a, s) => new { s.Email, a.CoveredUntil })
            .ToDictionaryAsync(a => a.Email, a => a.CoveredUntil);
        Assert.Equal(DigestSite.Day, covered["ada@example.test"]);
        Assert.Equal(DigestSite.Day.AddDays(-1), covered["grace@example.test"]);
    }

    private static async Task ImportAtAsync(DigestSite site, DateTimeOffset at, string email)
    {
        var report = await new SubscriberImport(site.Store.Factory, new FakeTimeProvider(at))
            .RunAsync(new StringReader($"email,weekly\n{email},yes\n"), CancellationToken.None);
        Assert.Equal(1, report.Added);
    }

    private static async Task<string> SubscribeAsync(DigestSite site, string email)
    {
        var before = site.Smtp.Messages.Count;
        (await site.App.Client.PostAsync("/subscribe", Form(("Email", email)))).Dispose();
        await site.SendAsync();
        var mail = Assert.Single(site.Smtp.Messages.Skip(before)).Message;
        return DigestSite.Local(LinkPattern().Matches(mail.TextBody ?? "").Select(m => m.Value).Single(l => l.Contains("/subscriptions/confirm", StringComparison.Ordinal)));
    }

    private static async Task<string> UnsubscribeLinkAsync(DigestSite site)
    {
        var subscription = await SubscriptionAsync(site);
        return $"/subscriptions/unsubscribe?token={Uri.EscapeDataString(site.Service<SubscriptionTokens>().Manage(subscription))}";
    }

    private static async Task<SubscriptionEntity> SubscriptionAsync(DigestSite site)
    {
        await using var context = site.Store.Factory.CreateContext();
        return await context.Subscriptions.AsNoTracking().SingleAsync();
    }

    private static HttpClient Browser(DigestSite site) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string manage, string handler, params (string Key, string Value)[] fields)
    {
        var page = await browser.GetStringAsync(manage);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        form.Add(new(Antiforgery.FieldName, Antiforgery.Token(page)));
        var posted = await browser.PostAsync($"{manage}&handler={handler}", new FormUrlEncodedContent(form));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            return posted;
        }

        var location = posted.Headers.Location!;
        posted.Dispose();
        return await browser.GetAsync(location);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [GeneratedRegex("https?://[^\\s<>\"]+")]
    private static partial Regex LinkPattern();
}
