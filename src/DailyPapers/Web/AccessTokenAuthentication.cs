using System.Security.Claims;
using System.Text.Encodings.Web;
using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DailyPapers.Web;

/// <summary>
/// <c>Authorization: Bearer dp_…</c> for the JSON API: the token's owner becomes the request's user, with the same
/// claims (and roles) a signed-in browser gets. A missing header is "no result", so pages keep using the cookie.
/// </summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    TokenPrincipals known,
    UserManager<UserEntity> users,
    IUserClaimsPrincipalFactory<UserEntity> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.FindOwnerAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (owner is not null && known.Find(owner) is { } claims)
        {
            return Success(claims);
        }

        var user = owner is null ? null : await users.FindByIdAsync(owner.UserId);
        // Not refused while the account is locked out: a lockout stops password guesses, and anyone who knows the email
        // could otherwise switch a reader's scripts off for as long as they kept guessing.
        var refusal = user is null
            ? "This personal access token is not valid: it is unknown or has been revoked. Create a new one on /account or with `dailypapers user token EMAIL`."
            : await users.IsInRoleAsync(user, AccountServiceCollectionExtensions.SuspendedRole)
                ? "This account is suspended, so its access tokens are refused."
                : null;
        if (refusal is not null)
        {
            return AuthenticateResult.Fail(refusal);
        }

        var principal = await principals.CreateAsync(user!);
        var made = principal.Claims.ToArray();
        known.Remember(owner!, made);
        return Success(made);
    }

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        // The refusal is this request's own authentication result (computed once, then cached by the handler); only
        // our own words are shown, never an exception's.
        var message = (await HandleAuthenticateOnceSafeAsync()).Failure is AuthenticationFailureException refused
            ? refused.Message
            : "Send a personal access token: Authorization: Bearer dp_… (create one on /account or with `dailypapers user token EMAIL`).";
        await ApiProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, message);
    }
}
