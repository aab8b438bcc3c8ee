using AngleSharp.Html.Parser;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Mail;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Digests;
using DailyPapers.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DailyPapers.Tests.ForYou;

/// <summary>
/// The "for you" digest: turned on from /account, planned once per reader and day into the outbox with each paper's
/// reason, sent once to a real SMTP server, and only to an account's own confirmed address.
/// </summary>
public sealed class ForYouDigestTests
{
    private static readonly DateOnly Day = DigestSite.Day;

    private static readonly string[] Vision =
    [
        "Latent diffusion models for high-resolution image synthesis",
        "Denoising diffusion probabilistic models generate photorealistic images",
        "Text-to-image generation with cascaded diffusion and classifier-free guidance",
        "Video diffusion models for temporally coherent frame generation",
        "Fast sampling of image diffusion models with consistency distillation",
    ];

    private static readonly string[] Language =
    [
        "Byte-pair encoding tokenization for multilingual machine translation",
        "Dependency parsing of morphologically rich languages with graph networks",
        "Named entity recognition in clinical notes with weak supervision",
        "Cross-lingual transfer for low-resource part-of-speech tagging",
        "Evaluating summarization of legal documents with human judgements",
    ];

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_reader_gets_their_own_list_with_reasons_once_and_nobody_else_gets_it(StoreProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var site = await StartAsync(provider, smtp);
        var ada = await ConfirmedReaderAsync(site, "ada@example.org");
        var bob = await ConfirmedReaderAsync(site, "bob@example.org");
        var carol = await site.AddReaderAsync("carol@example.org");
        var signals = site.App.Services.GetRequiredService<ReaderSignals>();
        foreach (var picked in new[] { "2506.00001", "2506.00002" })
        {
            Assert.True((await signals.SetPickedAsync(ada.Id, ArxivId.Parse(picked), true, default)).Succeeded);
        }

        // Ada asks on /account; Carol, whose address is not confirmed, cannot; Bob takes the trending digest only.
        using var adaBrowser = await site.SignedInBrowserAsync(ada);
        using var saved = await CommunitySite.PostFormAsync(adaBrowser, "/account", "/account?handler=ForYouEmail", new() { ["daily"] = "true" });
        var account = new HtmlParser().ParseDocument(await saved.Content.ReadAsStringAsync());
        using var carolBrowser = await site.SignedInBrowserAsync(carol);
        using (await CommunitySite.PostFormAsync(carolBrowser, "/account", "/account?handler=ForYouEmail", new() { ["daily"] = "true" }))
        {
        }

        using var bobBrowser = await site.SignedInBrowserAsync(bob);
        using (await CommunitySite.PostFormAsync(bobBrowser, "/account", "/account?handler=Subscribe", new()))
        {
        }

        // A subscription that names Bob's account but another address must not receive Bob's list.
        await using (var context = site.Store.Factory.CreateContext())
        {
            context.Subscriptions.Add(new SubscriptionEntity
            {
                Email = "someone@example.org",
                NormalizedEmail = "SOMEONE@EXAMPLE.ORG",
                Status = SubscriptionStatus.Confirmed,
                UserId = bob.Id,
                ForYouDaily = true,
                TokenSecret = SubscriptionTokens.NewSecret(),
                CreatedAt = DateTime.UtcNow,
                ConfirmedAt = DateTime.UtcNow,
            });
            await context.SaveChangesAsync();
        }

        await DigestSite.BackdateConfirmationsAsync(site.Store);
        var planner = site.App.Services.GetRequiredService<ForYouDigestPlanner>();
        var first = await planner.PlanDailyAsync(Day, byHand: false, default);
        var again = await planner.PlanDailyAsync(Day, byHand: false, default);
        await using (var transport = new SmtpMailTransport(site.App.Services.GetRequiredService<IOptions<SmtpOptions>>().Value, NullLogger.Instance))
        {
            var sent = await site.App.Services.GetRequiredService<OutboxSender>().SendDueAsync(transport, default);
            var sentAgain = await site.App.Services.GetRequiredService<OutboxSender>().SendDueAsync(transport, default);
            Assert.Equal((1, 0), (sent.Sent, sentAgain.Sent));
        }

        Assert.Contains("Your “for you” list comes every weekday", account.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.True(account.QuerySelector("input[name=daily]")!.HasAttribute("checked"));
        Assert.Equal((1, 0), (first.Added, again.Added));
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["ada@example.org"], mail.Recipients);
        Assert.StartsWith("Your papers · Tuesday, June 10, 2025 — ", mail.Message.Subject, StringComparison.Ordinal);
        var text = mail.Message.TextBody ?? "";
        // The other vision papers lead, each with why; the picked ones are not sent back.
        var order = Enumerable.Range(1, 10).Select(i => $"2506.{i:00000}").Where(id => text.Contains($"/papers/{id}", StringComparison.Ordinal))
            .OrderBy(id => text.IndexOf($"/papers/{id}", StringComparison.Ordinal)).ToList();
        Assert.Equal(["2506.00003", "2506.00004", "2506.00005"], order.Take(3).Order());
        Assert.DoesNotContain("2506.00001", order);
        Assert.Contains("Why: Close to “", text, StringComparison.Ordinal);
        Assert.Contains("which you picked", mail.Message.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.Contains("your “for you” list", text, StringComparison.Ordinal);

        // Ada's subscription was made for the list alone: no trending digest, and her export says so.
        await using (var context = site.Store.Factory.CreateContext())
        {
            var adaSubscription = await context.Subscriptions.SingleAsync(s => s.UserId == ada.Id);
            Assert.Equal((false, true, false), (adaSubscription.Daily, adaSubscription.ForYouDaily, adaSubscription.ForYouWeekly));
            Assert.False(await context.Subscriptions.AnyAsync(s => s.NormalizedEmail == "CAROL@EXAMPLE.ORG"));
        }
    }

    [Fact]
    public async Task The_manage_page_offers_the_list_only_to_an_account_address_and_the_preview_ranks_it_now()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var site = await StartAsync(StoreProvider.Sqlite, smtp);
        var ada = await ConfirmedReaderAsync(site, "ada@example.org");
        Assert.True((await site.App.Services.GetRequiredService<ReaderSignals>().SetPickedAsync(ada.Id, ArxivId.Parse("2506.00006"), true, default)).Succeeded);
        var subscriptions = site.App.Services.GetRequiredService<Infrastructure.Digests.Subscriptions>();
        var adaSubscription = await subscriptions.ForVerifiedAccountAsync(ada.Id, ada.Email, subscribeIfNone: true, default);
        await subscriptions.SubscribeAsync("stranger@example.org", null, default);
        await using var context = site.Store.Factory.CreateContext();
        var stranger = await context.Subscriptions.SingleAsync(s => s.NormalizedEmail == "STRANGER@EXAMPLE.ORG");
        var tokens = site.App.Services.GetRequiredService<SubscriptionTokens>();

        var adaManage = $"/subscriptions/manage?token={Uri.EscapeDataString(tokens.Manage(adaSubscription!))}";
        var strangerManage = $"/subscriptions/manage?token={Uri.EscapeDataString(tokens.Manage(stranger))}";
        var adaPage = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync(adaManage));
        var strangerPage = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync(strangerManage));
        using (await CommunitySite.PostFormAsync(site.App.Client, adaManage, adaManage + "&handler=Save", new() { ["daily"] = "true", ["forYouWeekly"] = "true" }))
        {
        }

        using (await CommunitySite.PostFormAsync(site.App.Client, strangerManage, strangerManage + "&handler=Save", new() { ["forYouDaily"] = "true" }))
        {
        }

        var preview = site.App.Services.GetRequiredService<DigestPreview>();
        var (digest, _) = await preview.ComposeForYouAsync(OutboxKind.ForYouWeekly, ListingPeriod.WeekOf(Day), ada.Email, default);
        var (nobody, problem) = await preview.ComposeForYouAsync(OutboxKind.ForYouDaily, ListingPeriod.Day(Day), "nobody@example.org", default);

        Assert.NotNull(adaPage.QuerySelector("input[name=forYouDaily]"));
        Assert.Null(strangerPage.QuerySelector("input[name=forYouDaily]"));
        await using var after = site.Store.Factory.CreateContext();
        var saved = await after.Subscriptions.AsNoTracking().ToDictionaryAsync(s => s.NormalizedEmail);
        Assert.Equal((true, false, true), (saved["ADA@EXAMPLE.ORG"].Daily, saved["ADA@EXAMPLE.ORG"].ForYouDaily, saved["ADA@EXAMPLE.ORG"].ForYouWeekly));
        Assert.False(saved["STRANGER@EXAMPLE.ORG"].ForYouDaily);
        Assert.StartsWith("Your papers of the week 2025-W24 (Jun 9 – Jun 15, 2025) — ", digest!.Email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("/papers/2506.00006", digest.Email.Text, StringComparison.Ordinal);
        Assert.True(digest.IsSubscriber);
        Assert.Null(nobody);
        Assert.Contains("has no account here", problem, StringComparison.Ordinal);
    }

    private static async Task<CommunitySite> StartAsync(StoreProvider provider, TestSmtpServer smtp)
    {
        var papers = Vision.Concat(Language).Select((title, i) =>
            SamplePapers.Item($"2506.{i + 1:00000}", title, categories: i < Vision.Length ? "cs.CV" : "cs.CL", listedOn: Day, upvotes: 10 - i))
            .ToArray();
        var settings = new Dictionary<string, string?>(DigestSite.Settings(smtp)) { ["Digests:Enabled"] = "false" };
        var site = await CommunitySite.StartAsync(provider, settings, papers);
        await site.App.SearchReadyAsync(withVectors: true);
        return site;
    }

    /// <summary>A reader whose address is confirmed, as following the emailed link makes it.</summary>
    private static async Task<Reader> ConfirmedReaderAsync(CommunitySite site, string email)
    {
        var reader = await site.AddReaderAsync(email);
        using var scope = site.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
        var account = await users.FindByIdAsync(reader.Id);
        account!.EmailConfirmed = true;
        Assert.True((await users.UpdateAsync(account)).Succeeded);
        return reader;
    }
}
