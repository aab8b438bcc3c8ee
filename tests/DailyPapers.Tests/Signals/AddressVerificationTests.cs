using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Digests;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Signals;

/// <summary>
/// One reader, one place: an account's address is confirmed by an emailed link (over real SMTP), and only then does
/// /account manage that address's subscription — which a subscriber who signs up later keeps.
/// </summary>
public sealed partial class AddressVerificationTests
{
    [Fact]
    public async Task A_subscriber_who_signs_up_keeps_their_subscription_once_the_address_is_confirmed()
    {
        await using var site = await DigestSite.StartAsync();
        Assert.Null(await site.App.Services.GetRequiredService<Subscriptions>().SubscribeAsync("ada@example.test", null, default));
        await ConfirmSubscriptionAsync(site);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };

        using var signedUp = await CommunitySite.PostFormAsync(browser, "/account/signup", "/account/signup",
            new() { ["Email"] = "ada@example.test", ["Password"] = CommunitySite.Password });
        var before = new HtmlParser().ParseDocument(await browser.GetStringAsync("/account"));
        var mail = (await site.Smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30)))[^1].Message;
        var link = LinkPattern().Match(mail.TextBody ?? "").Value;
        var forged = await browser.GetAsync(DigestSite.Local(link).Replace("token=", "token=x", StringComparison.Ordinal));
        var verified = await browser.GetStringAsync(DigestSite.Local(link));
        var after = new HtmlParser().ParseDocument(await browser.GetStringAsync("/account"));

        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal("Confirm your DailyPapers address", mail.Subject);
        Assert.StartsWith("http://papers.example.test/account/verify?", link, StringComparison.Ordinal);
        // Before: no way to the subscription from the account (anyone could have typed this address).
        Assert.Null(before.QuerySelector("a[href^='/subscriptions/manage']"));
        Assert.NotNull(before.QuerySelector("form[action*='handler=Verify']"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Your address is confirmed", verified, StringComparison.Ordinal);
        var manage = after.QuerySelector("a[href^='/subscriptions/manage']")!.GetAttribute("href")!;
        Assert.Contains("subscribed to the daily digest", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ada@example.test", await browser.GetStringAsync(manage), StringComparison.Ordinal);
        await using var context = site.Store.Factory.CreateContext();
        var subscription = await context.Subscriptions.SingleAsync();
        var account = await context.Users.SingleAsync();
        Assert.Equal((account.Id, SubscriptionStatus.Confirmed), (subscription.UserId, subscription.Status));
    }

    [Fact]
    public async Task A_confirmed_reader_without_a_subscription_subscribes_from_the_account_at_once()
    {
        await using var site = await DigestSite.StartAsync();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };
        using (await CommunitySite.PostFormAsync(browser, "/account/signup", "/account/signup", new() { ["Email"] = "bob@example.test", ["Password"] = CommunitySite.Password }))
        {
        }

        var link = LinkPattern().Match((await site.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).Single().Message.TextBody ?? "").Value;
        await browser.GetStringAsync(DigestSite.Local(link));
        using var subscribed = await CommunitySite.PostFormAsync(browser, "/account", "/account?handler=Subscribe", new());

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        await using var context = site.Store.Factory.CreateContext();
        var subscription = await context.Subscriptions.SingleAsync();
        Assert.Equal((SubscriptionStatus.Confirmed, true), (subscription.Status, subscription.Daily));
        Assert.NotNull(subscription.UserId);
    }

    private static async Task ConfirmSubscriptionAsync(DigestSite site)
    {
        await site.SendAsync();
        var confirmation = (await site.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).Single().Message;
        var link = ConfirmPattern().Match(confirmation.TextBody ?? "").Value;
        using var confirmed = await site.App.Client.GetAsync(DigestSite.Local(link));
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(SubscriptionStatus.Confirmed, (await context.Subscriptions.SingleAsync()).Status);
    }

    [GeneratedRegex("https?://[^\\s<>\"]+/account/verify\\?[^\\s<>\"]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("https?://[^\\s<>\"]+/subscriptions/confirm\\?[^\\s<>\"]+")]
    private static partial Regex ConfirmPattern();
}
