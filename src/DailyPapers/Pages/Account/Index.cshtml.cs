using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Recommendations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages.Account;

/// <summary><c>/account</c>: the signed-in reader's account and personal access tokens for the JSON API.</summary>
[Authorize]
public sealed class IndexModel(
    UserManager<UserEntity> users,
    SignInManager<UserEntity> signIn,
    AccessTokens tokens,
    AccountExport export,
    AccountDeletion deletion,
    AddressVerification verification,
    Infrastructure.Digests.Subscriptions subscriptions,
    SubscriptionTokens subscriptionTokens,
    ReaderModels models) : PageModel
{
    /// <summary>The address's subscription, once the address is confirmed; null before, or when it has none.</summary>
    public SubscriptionEntity? Subscription { get; private set; }

    /// <summary>Its manage page (digests, alerts, their feeds), signed as every email's link is.</summary>
    public string? ManageHref => Subscription is null ? null : $"/subscriptions/manage?token={Uri.EscapeDataString(subscriptionTokens.Manage(Subscription))}";

    /// <summary>" to the daily digest and your “for you” list (weekly)", or " (alerts only)": what the subscription sends.</summary>
    public string Receives
    {
        get
        {
            if (Subscription is not { } s)
            {
                return "";
            }

            var what = new List<string>();
            if (s.Daily || s.Weekly)
            {
                what.Add(s.Daily && s.Weekly ? "the daily and weekly digests" : s.Daily ? "the daily digest" : "the weekly digest");
            }

            if (s.ForYouDaily || s.ForYouWeekly)
            {
                what.Add("your “for you” list (" + (s.ForYouDaily && s.ForYouWeekly ? "daily and weekly" : s.ForYouDaily ? "daily" : "weekly") + ")");
            }

            return what.Count == 0 ? " (alerts only)" : " to " + string.Join(" and ", what);
        }
    }

    public IReadOnlyList<AccessTokenEntity> Tokens { get; private set; } = [];

    /// <summary>A token just created: shown this once, never stored.</summary>
    public string? NewToken { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? TokenName { get; set; }

    /// <summary>The signed-in reader's account, for their profile link and upvote visibility.</summary>
    public UserEntity? Reader { get; private set; }

    /// <summary>Shows or hides the reader's upvotes on their profile page.</summary>
    public async Task<IActionResult> OnPostVisibilityAsync(bool votesArePublic, CancellationToken cancellationToken)
    {
        var reader = await users.GetUserAsync(User);
        if (reader is not null)
        {
            reader.VotesArePublic = votesArePublic;
            await users.UpdateAsync(reader);
            Message = votesArePublic ? "Your upvotes are now listed on your profile." : "Your upvotes are now private.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        NewToken = await tokens.CreateAsync(users.GetUserId(User)!, TokenName ?? "", cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        Message = await tokens.RevokeAsync(users.GetUserId(User)!, id, cancellationToken)
            ? "The token is revoked: requests with it are refused from now on."
            : "That token was already revoked.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Sends the address confirmation link again.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { EmailConfirmed: false } reader)
        {
            await verification.SendAsync(reader);
            Message = $"We sent a new link to {reader.Email}.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A daily digest for the confirmed address, at once (no second confirmation: the address is proven).</summary>
    public async Task<IActionResult> OnPostSubscribeAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { EmailConfirmed: true } reader)
        {
            await subscriptions.ForVerifiedAccountAsync(reader.Id, reader.Email!, subscribeIfNone: true, cancellationToken);
            Message = "Subscribed: the daily digest comes to your address from tomorrow.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The reader's own "for you" list by email, daily and/or weekly, to their confirmed address.</summary>
    public async Task<IActionResult> OnPostForYouEmailAsync(bool daily, bool weekly, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { EmailConfirmed: true } reader)
        {
            var subscription = await subscriptions.SetForYouAsync(reader.Id, reader.Email!, daily, weekly, cancellationToken);
            Message = (daily, weekly) switch
            {
                (false, false) => "Your “for you” list is no longer emailed.",
                _ when subscription?.Status != SubscriptionStatus.Confirmed =>
                    "Saved, but nothing is sent to your address while its subscription is not active: see “Choose digests and alerts”.",
                (true, true) => "Your “for you” list comes every weekday and once a week.",
                (true, false) => "Your “for you” list comes every weekday, from the next listing day.",
                _ => "Your “for you” list of the week comes once a week.",
            };
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Everything the reader gave, as a JSON download.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var reader = await users.GetUserAsync(User);
        var json = reader is null ? null : await export.WriteAsync(reader.Id, cancellationToken);
        if (json is null)
        {
            return LocalRedirect("/account/signin");
        }

        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", $"dailypapers-{reader!.Handle}.json");
    }

    /// <summary>Deletes the account and all of it, once the reader has typed their password again.</summary>
    public async Task<IActionResult> OnPostDeleteAccountAsync(string? password, CancellationToken cancellationToken)
    {
        var reader = await users.GetUserAsync(User);
        if (reader is null)
        {
            return LocalRedirect("/account/signin");
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(reader, password))
        {
            Message = "That is not your password: the account is not deleted.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await deletion.DeleteAsync(reader.Id, cancellationToken);
        models.Forget(reader.Id);
        await signIn.SignOutAsync();
        return LocalRedirect("/account/deleted");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Reader ??= await users.GetUserAsync(User);
        Tokens = await tokens.ListAsync(users.GetUserId(User)!, cancellationToken);
        if (Reader is { EmailConfirmed: true, Email: { } email })
        {
            Subscription = await subscriptions.ForVerifiedAccountAsync(Reader.Id, email, subscribeIfNone: false, cancellationToken);
        }
    }
}
