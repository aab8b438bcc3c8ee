using Microsoft.AspNetCore.Mvc.Filters;

namespace DailyPapers.Web;

/// <summary>
/// Marks a page reached by a signed link from an email (confirm, manage, unsubscribe): the token in its address is the
/// reader's key, so the page is never stored by a browser or proxy (<c>Cache-Control: no-store</c>) and its address is
/// never sent on to another site when a link on it is followed (<c>Referrer-Policy: no-referrer</c>, in place of the
/// site-wide <c>strict-origin-when-cross-origin</c> that <see cref="SecurityHeadersMiddleware"/> sets).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignedLinkPageAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        base.OnResultExecuting(context);
    }
}
