using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Web;

/// <summary>Personal access tokens: made by the CLI or the account page, stored hashed, refused once revoked.</summary>
public sealed partial class AccessTokenTests : IAsyncLifetime
{
    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        _app = await RunningApp.StartAsync(_store);
        using var scope = _app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>()
            .CreateAsync(AccountFactory.New("ada@example.org", TimeProvider.System), "correct horse battery");
        Assert.True(result.Succeeded);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_token_from_the_cli_identifies_its_owner_and_only_its_hash_is_stored()
    {
        var (exitCode, output) = await CliProcess.RunAsync(_store.Settings, "user", "token", "ada@example.org", "--name", "script");
        var token = TokenPattern().Match(output).Value;

        Assert.Equal(0, exitCode);
        Assert.StartsWith("dp_", token, StringComparison.Ordinal);
        using var whoami = await GetAsync("/api/whoami", token);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        using var json = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        Assert.Equal("ada@example.org", json.RootElement.GetProperty("name").GetString());
        await using var context = _store.Factory.CreateContext();
        var stored = await context.AccessTokens.SingleAsync();
        Assert.Equal("script", stored.Name);
        Assert.NotEqual(token, stored.Hash);
        Assert.DoesNotContain(token[3..], stored.Hash, StringComparison.Ordinal);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dp_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task Requests_without_a_valid_token_get_401_with_a_hint(string? token)
    {
        using var response = await GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("personal access token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_made_on_the_account_page_works_until_it_is_revoked_there()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _app.BaseAddress,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
        await PostAsync(browser, "/account/signin", "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = "correct horse battery" });

        var created = await PostAsync(browser, "/account", "/account?handler=Create", new() { ["TokenName"] = "laptop" });
        var token = TokenPattern().Match(created).Value;
        using (var ok = await GetAsync("/api/whoami", token))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var id = RevokeIdPattern().Match(created).Groups[1].Value;
        var revoked = await PostAsync(browser, "/account", $"/account?id={id}&handler=Revoke", []);
        using var refused = await GetAsync("/api/whoami", token);

        Assert.Contains("laptop", created, StringComparison.Ordinal);
        Assert.Contains("The token is revoked", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_suspended_account_can_neither_sign_in_nor_use_its_token_until_restored_and_a_wrong_password_does_not_learn_of_it()
    {
        var token = TokenPattern().Match((await CliProcess.RunAsync(_store.Settings, "user", "token", "ada@example.org")).Output).Value;
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _app.BaseAddress,
        };
        var signIn = new Dictionary<string, string> { ["Email"] = "ada@example.org", ["Password"] = "correct horse battery" };

        // Used first, so that the node knows the token's claims: the suspension (another process) must still count at once.
        using var beforeSuspension = await GetAsync("/api/whoami", token);
        var suspended = await CliProcess.RunAsync(_store.Settings, "user", "suspend", "ada@example.org");
        var refusedPage = await PostAsync(browser, "/account/signin", "/account/signin", new(signIn));
        var wrongPasswordPage = await PostAsync(browser, "/account/signin", "/account/signin", new(signIn) { ["Password"] = "a guess" });
        using var refusedToken = await GetAsync("/api/whoami", token);
        var restored = await CliProcess.RunAsync(_store.Settings, "user", "restore", "ada@example.org");
        using var acceptedToken = await GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, beforeSuspension.StatusCode);
        Assert.Equal(0, suspended.ExitCode);
        Assert.Contains("This account is suspended.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("The email or the password is wrong.", wrongPasswordPage, StringComparison.Ordinal);
        Assert.DoesNotContain("suspended", wrongPasswordPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedToken.StatusCode);
        Assert.Contains("suspended", await refusedToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, restored.ExitCode);
        Assert.Equal(HttpStatusCode.OK, acceptedToken.StatusCode);
        await using var context = _store.Factory.CreateContext();
        Assert.Equal(1, await context.Users.CountAsync());
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_sign_in_form_but_not_the_readers_tokens()
    {
        var token = TokenPattern().Match((await CliProcess.RunAsync(_store.Settings, "user", "token", "ada@example.org")).Output).Value;
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _app.BaseAddress,
        };

        // Anyone who knows the address can send these.
        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pages.Add(await PostAsync(browser, "/account/signin", "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = $"guess {i}" }));
        }

        using var stillAccepted = await GetAsync("/api/whoami", token);
        using var revoked = await GetAsync("/api/whoami", "dp_" + new string('0', 64));

        Assert.Contains("locked for 15 minutes", pages[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillAccepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("unknown or has been revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_a_suspended_accounts_password_locks_it_like_any_other()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _app.BaseAddress,
        };
        await CliProcess.RunAsync(_store.Settings, "user", "suspend", "ada@example.org");

        for (var i = 0; i < 5; i++)
        {
            await PostAsync(browser, "/account/signin", "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = $"guess {i}" });
        }

        var rightAfterGuesses = await PostAsync(browser, "/account/signin", "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = "correct horse battery" });

        Assert.Contains("locked for 15 minutes", rightAfterGuesses, StringComparison.Ordinal);
        Assert.DoesNotContain("suspended", rightAfterGuesses, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _app.Client.SendAsync(request);
    }

    private static async Task<string> PostAsync(HttpClient browser, string formPage, string url, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        using var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("dp_[0-9a-f]{64}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("id=(\\d+)&amp;handler=Revoke|handler=Revoke&amp;id=(\\d+)")]
    private static partial Regex RevokeIdPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
