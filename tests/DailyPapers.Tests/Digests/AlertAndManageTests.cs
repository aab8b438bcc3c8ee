using System.Net;
using System.Text.RegularExpressions;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Digests;

/// <summary>The manage page (reached from an email, no sign-in) and saved-search alerts mailed once per listing day.</summary>
public sealed class AlertAndManageTests
{
    [Fact]
    public async Task An_alert_set_on_the_manage_page_mails_new_matching_papers_once()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(1);
        var manage = await ManageLinkAsync(site);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };

        using var added = await PostAsync(browser, manage, "AddAlert", ("query", "\"sparse attention\""), ("categories", "cs.CL"), ("minVotes", "0"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await new PaperWriter(site.Store.Factory, TimeProvider.System).WriteAsync(
            [
                SamplePapers.Item("2511.00001", "Sparse attention for long documents", categories: "cs.CL", listedOn: today),
                SamplePapers.Item("2511.00002", "Sparse attention in vision", categories: "cs.CV", listedOn: today),
                SamplePapers.Item("2511.00003", "Dense retrieval", categories: "cs.CL", listedOn: today),
            ],
            CancellationToken.None);
        await site.App.SearchReadyAsync();
        var first = await site.Service<AlertPlanner>().PlanAsync(today, CancellationToken.None);
        var again = await site.Service<AlertPlanner>().PlanAsync(today, CancellationToken.None);
        await site.SendAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Alert added", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((1, 1), (first.Papers, first.Added));
        Assert.Equal(0, again.Added);
        var mail = Assert.Single(site.Smtp.Messages).Message;
        Assert.Contains("Sparse attention for long documents", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("in vision", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("sparse attention", mail.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_manage_page_changes_what_is_sent_and_refuses_a_forged_link()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(1);
        var manage = await ManageLinkAsync(site);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };

        using var saved = await PostAsync(browser, manage, "Save", ("weekly", "true"));
        using var forged = await site.App.Client.GetAsync("/subscriptions/manage?token=CfDJ8forged");
        using var noAlert = await PostAsync(browser, manage, "AddAlert", ("query", ""), ("categories", ""), ("minVotes", "0"));
        var daily = await site.Service<DigestPlanner>().PlanDailyAsync(DigestSite.Day, CancellationToken.None);
        var weekly = await site.Service<DigestPlanner>().PlanWeeklyAsync(Core.Listings.ListingPeriod.WeekOf(DigestSite.Day), CancellationToken.None);

        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("This link does not work", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noAlert.StatusCode);
        Assert.Equal((0, 1), (daily.Added, weekly.Added));
    }

    [Fact]
    public async Task An_alert_with_invalid_input_shows_the_error_and_keeps_what_was_typed()
    {
        await using var site = await DigestSite.StartAsync();
        await site.SubscribeConfirmedAsync(1);
        var manage = await ManageLinkAsync(site);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };

        using var badVotes = await PostAsync(browser, manage, "AddAlert", ("query", "diffusion"), ("categories", "cs.LG"), ("minVotes", "abc"));
        using var badCategory = await PostAsync(browser, manage, "AddAlert", ("query", "diffusion"), ("categories", "cs.LG not!a.category"), ("minVotes", "3"));
        using var nothingToFind = await PostAsync(browser, manage, "AddAlert", ("query", "\"\""), ("categories", ""), ("minVotes", "0"));
        using var forged = await browser.PostAsync(
            "/subscriptions/manage?token=CfDJ8forged&handler=AddAlert",
            new FormUrlEncodedContent([new("query", "diffusion"), new(Antiforgery.FieldName, Antiforgery.Token(await browser.GetStringAsync(manage)))]));

        var votesPage = await badVotes.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badVotes.StatusCode);
        Assert.Contains("The minimum of votes must be a whole number", votesPage, StringComparison.Ordinal);
        Assert.Contains("value=\"diffusion\"", votesPage, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", votesPage, StringComparison.Ordinal);
        var categoryPage = await badCategory.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Contains("is not an arXiv category", categoryPage, StringComparison.Ordinal);
        Assert.Contains("value=\"cs.LG not!a.category\"", categoryPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nothingToFind.StatusCode);
        Assert.Contains("has nothing to look for", await nothingToFind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("Alert added", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var context = site.Store.Factory.CreateContext();
        Assert.Equal(0, await context.SavedSearches.CountAsync());
    }

    private static async Task<string> ManageLinkAsync(DigestSite site)
    {
        await using var context = site.Store.Factory.CreateContext();
        var subscription = await context.Subscriptions.SingleAsync();
        return $"/subscriptions/manage?token={Uri.EscapeDataString(site.Service<SubscriptionTokens>().Manage(subscription))}";
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string manage, string handler, params (string Key, string Value)[] fields)
    {
        var page = await browser.GetStringAsync(manage);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        form.Add(new("__RequestVerificationToken", Antiforgery.Token(page)));
        var posted = await browser.PostAsync($"{manage}&handler={handler}", new FormUrlEncodedContent(form));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            return posted;
        }

        // Post, then redirect, then get: what a reload of the result repeats is the get.
        var location = posted.Headers.Location!;
        posted.Dispose();
        Assert.Contains("done=", location.OriginalString, StringComparison.Ordinal);
        return await browser.GetAsync(location);
    }

}
