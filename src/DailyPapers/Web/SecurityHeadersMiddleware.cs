using DailyPapers.Api;
using Scalar.AspNetCore;

namespace DailyPapers.Web;

/// <summary>
/// Headers every response carries. The CSP allows no inline script or style: KaTeX and the page scripts load as
/// files from this origin, so a comment or title can never run code.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        if (context.Request.Path.StartsWithSegments(OpenApiDocs.ReferencePath))
        {
            context.Response.OnStarting(AllowApiReference, context);
        }

        return next(context);
    }

    /// <summary>
    /// The one exception, on the API reference page only (<see cref="OpenApiDocs"/>): Scalar starts with one inline
    /// script, allowed by the nonce it was written with (fresh per request), and its bundle sets its styles inline at
    /// run time. Everything else stays as strict: scripts, fonts and requests from this origin only. The page shows
    /// the document the app generates, never a reader's words.
    /// </summary>
    private static Task AllowApiReference(object state)
    {
        var context = (HttpContext)state;
        if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy
                .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
        }

        return Task.CompletedTask;
    }
}
