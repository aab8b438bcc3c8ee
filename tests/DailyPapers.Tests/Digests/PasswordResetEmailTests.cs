using System.Net;
using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Digests;

/// <summary>A forgotten password is reset by a link sent by email, built from the site's address and never the request's.</summary>
public sealed partial class PasswordResetEmailTests
{
    [Fact]
    public async Task The_emailed_link_resets_the_password_and_ignores_a_forged_host_header()
    {
        await using var site = await DigestSite.StartAsync();
        using (var scope = site.App.Services.CreateScope())
        {
            var (_, created) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync("ada@example.test", CommunitySite.Password, CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };
        var form = await browser.GetStringAsync("/account/forgot");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "ada@example.test", ["__RequestVerificationToken"] = Token(form) }),
        };
        request.Headers.Host = "evil.example";
        using var asked = await browser.SendAsync(request);
        var mail = (await site.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).Single().Message;
        var link = LinkPattern().Match(mail.TextBody ?? "").Value;
        var resetPage = DigestSite.Local(link);
        var page = await browser.GetStringAsync(resetPage);
        using var reset = await browser.PostAsync(resetPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "a brand new passphrase",
            ["__RequestVerificationToken"] = Token(page),
        }));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.StartsWith("http://papers.example.test/account/reset?", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your password is changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Token(string page) => Antiforgery.Token(page);

    [GeneratedRegex("https?://[^\\s<>\"]+/account/reset\\?[^\\s<>\"]+")]
    private static partial Regex LinkPattern();

}
