using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Community;

/// <summary>A running site with papers and readers (each with a personal access token) for the community tests.</summary>
public sealed class CommunitySite : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private CommunitySite(TestStore store, RunningApp app)
    {
        Store = store;
        App = app;
    }

    public TestStore Store { get; }

    public RunningApp App { get; }

    public static async Task<CommunitySite> StartAsync(StoreProvider provider, IReadOnlyDictionary<string, string?>? settings = null, params PaperItem[] papers)
    {
        var store = await TestStore.CreateAsync(provider);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(papers, CancellationToken.None);
        var app = await RunningApp.StartAsync(store, settings);
        return new CommunitySite(store, app);
    }

    /// <summary>A new reader and a token of theirs.</summary>
    public async Task<Reader> AddReaderAsync(string email, bool admin = false)
    {
        using var scope = App.Services.CreateScope();
        var (account, result) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(email, Password, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (admin)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(AccountServiceCollectionExtensions.AdminRole))
            {
                await roles.CreateAsync(new IdentityRole(AccountServiceCollectionExtensions.AdminRole));
            }

            await scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>().AddToRoleAsync(account, AccountServiceCollectionExtensions.AdminRole);
        }

        var token = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(account.Id, "tests", CancellationToken.None);
        return new Reader(this, account.Id, email, account.Handle, token);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? token, object? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return await App.Client.SendAsync(request);
    }

    /// <summary>The paper's upvotes as the read API reports them.</summary>
    public async Task<int> UpvotesAsync(string id)
    {
        using var json = JsonDocument.Parse(await App.Client.GetStringAsync($"/api/papers/{id}"));
        return json.RootElement.GetProperty("upvotes").GetInt32();
    }

    /// <summary>A cookie-holding browser without script, signed in as the reader.</summary>
    public async Task<HttpClient> SignedInBrowserAsync(Reader reader)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };
        using var response = await PostFormAsync(browser, "/account/signin", "/account/signin", new() { ["Email"] = reader.Email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Posts a form as a browser would: with the antiforgery token from <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string formPage, string url, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = Antiforgery.Token(page);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Store.DisposeAsync();
    }

}

public sealed record Reader(CommunitySite Site, string Id, string Email, string Handle, string Token);
