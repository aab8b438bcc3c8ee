using System.Security.Claims;
using DailyPapers.Web;
using Microsoft.AspNetCore.Authorization;

namespace DailyPapers.Api;

/// <summary><c>GET /api/whoami</c>: who a personal access token belongs to, for checking a client's set-up.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/whoami", (ClaimsPrincipal user) => Results.Json(new WhoAmIJson(
                user.Identity?.Name, user.IsInRole(Infrastructure.Accounts.AccountServiceCollectionExtensions.AdminRole))))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AccessTokenAuthentication.SchemeName })
            .WithName("whoAmI").WithTags(OpenApiDocs.AccountTag)
            .WithSummary("Whom a token belongs to")
            .WithDescription("For checking a client's set-up: the account the personal access token sent belongs to.")
            .Produces<WhoAmIJson>();
        return api;
    }
}
