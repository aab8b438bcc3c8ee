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

        var userId = await tokens.FindUserIdAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || await users.IsLockedOutAsync(user) || await users.IsInRoleAsync(user, AccountServiceCollectionExtensions.SuspendedRole))
        {
            return AuthenticateResult.Fail("The access token is not valid (unknown, revoked, or its account is locked or suspended).");
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Response.WriteAsJsonAsync(new { error = "Send a personal access token: Authorization: Bearer dp_… (create one on /account or with `dailypapers user token EMAIL`)." });
    }
}
