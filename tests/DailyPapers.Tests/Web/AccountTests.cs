using System.Net;
using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Web;

/// <summary>Accounts on the real app: sign up, in and out, lockout, password reset, antiforgery and return URLs.</summary>
public sealed partial class AccountTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        _app = await RunningApp.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Sign_up_signs_in_and_sign_out_signs_out()
    {
        using var browser = Browser();

        var signUp = await PostFormAsync(browser, "/account/signup", new() { ["Email"] = "ada@example.org", ["Password"] = Password });
        var home = await browser.GetStringAsync("/papers/trending");

        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        Assert.Equal("/", signUp.Headers.Location?.OriginalString);
        Assert.Contains("ada@example.org", home, StringComparison.Ordinal);
        Assert.Contains("Sign out", home, StringComparison.Ordinal);

        var signOut = await PostFormAsync(browser, "/account/signout", [], formPage: "/papers/trending");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.DoesNotContain("ada@example.org", await browser.GetStringAsync("/papers/trending"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_sign_ups_are_refused_with_a_message()
    {
        using var browser = Browser();
        await PostFormAsync(browser, "/account/signup", new() { ["Email"] = "ada@example.org", ["Password"] = Password });
        using var other = Browser();

        var shortPassword = await PostFormAsync(other, "/account/signup", new() { ["Email"] = "bob@example.org", ["Password"] = "short" });
        var taken = await PostFormAsync(other, "/account/signup", new() { ["Email"] = "ada@example.org", ["Password"] = Password });
        var notEmail = await PostFormAsync(other, "/account/signup", new() { ["Email"] = "<script>alert(1)</script>", ["Password"] = Password });
        var accented = await PostFormAsync(other, "/account/signup", new() { ["Email"] = "zoë@example.org", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("at least 10 characters", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var takenHtml = await taken.Content.ReadAsStringAsync();
        Assert.Equal(1, Regex.Count(takenHtml, "already taken"));
        Assert.Equal(HttpStatusCode.BadRequest, notEmail.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", await notEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accentedHtml = await accented.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, accented.StatusCode);
        Assert.Contains("plain letters, digits", accentedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Username", accentedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_a_reset_link_unlocks_it()
    {
        await CreateAccountAsync("ada@example.org");
        using var browser = Browser();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await PostFormAsync(browser, "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = "wrong password " + i });
            Assert.Contains("The email or the password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The fifth failure locks the account, and then even the right password is refused.
        var fifth = await PostFormAsync(browser, "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = "wrong password 4" });
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        var locked = await PostFormAsync(browser, "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("locked for 15 minutes", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await ResetTokenAsync("ada@example.org");
        var resetPage = $"/account/reset?email=ada%40example.org&token={Uri.EscapeDataString(token)}";
        var reset = await PostFormAsync(browser, resetPage, new() { ["Password"] = "a brand new passphrase" }, formPage: resetPage);
        Assert.Contains("Your password is changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signIn = await PostFormAsync(browser, "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task An_address_without_an_account_locks_after_five_failures_as_an_account_does()
    {
        await CreateAccountAsync("ada@example.org");
        // Twelve posts from one address: above the per-address limit, which would answer first.
        await using var app = await RunningApp.StartAsync(_store, new Dictionary<string, string?> { ["Web:AccountPostsPerMinute"] = "100" });
        var answers = new Dictionary<string, List<(HttpStatusCode Status, string Message)>>();
        foreach (var email in new[] { "ada@example.org", "nobody@example.org" })
        {
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
            answers[email] = [];
            for (var i = 0; i < 6; i++)
            {
                var response = await PostFormAsync(browser, "/account/signin", new() { ["Email"] = email, ["Password"] = "wrong password " + i });
                var html = await response.Content.ReadAsStringAsync();
                answers[email].Add((response.StatusCode, html.Contains("locked for 15 minutes", StringComparison.Ordinal) ? "locked" : "wrong"));
            }
        }

        Assert.Equal(answers["ada@example.org"], answers["nobody@example.org"]);
        Assert.Equal((HttpStatusCode.TooManyRequests, "locked"), answers["nobody@example.org"][4]);
    }

    [Fact]
    public async Task Forgot_password_says_the_same_for_known_and_unknown_addresses()
    {
        await CreateAccountAsync("ada@example.org");
        using var browser = Browser();

        var known = await (await PostFormAsync(browser, "/account/forgot", new() { ["Email"] = "ada@example.org" })).Content.ReadAsStringAsync();
        var unknown = await (await PostFormAsync(browser, "/account/forgot", new() { ["Email"] = "nobody@example.org" })).Content.ReadAsStringAsync();

        Assert.Contains("If an account has that address", known, StringComparison.Ordinal);
        Assert.Equal(Notice(known), Notice(unknown));
    }

    [Theory]
    [InlineData("/papers/trending", "/papers/trending")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task Sign_in_returns_only_to_this_site(string returnUrl, string expected)
    {
        await CreateAccountAsync("ada@example.org");
        using var browser = Browser();

        var response = await PostFormAsync(browser, "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Email"] = "ada@example.org", ["Password"] = Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        await CreateAccountAsync("ada@example.org");
        using var browser = Browser();

        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ada@example.org",
            ["Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Too_many_account_posts_from_one_address_get_429_with_retry_after()
    {
        await using var app = await RunningApp.StartAsync(_store, new Dictionary<string, string?> { ["Web:AccountPostsPerMinute"] = "3" });
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PostFormAsync(browser, "/account/signin", new() { ["Email"] = $"guess{i}@example.org", ["Password"] = Password })).StatusCode);
        }

        var limited = await PostFormAsync(browser, "/account/signup", new() { ["Email"] = "new@example.org", ["Password"] = Password });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/signin")).StatusCode);
    }

    private HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };

    /// <summary>Opens the form's page (for its antiforgery token and cookie), then posts the fields with the token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient browser, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await browser.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private async Task CreateAccountAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
        var result = await users.CreateAsync(AccountFactory.New(email, TimeProvider.System), Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<string> ResetTokenAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
        return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
    }

    private static string Notice(string html) => NoticePattern().Match(html).Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<p class=\"notice\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex NoticePattern();
}
