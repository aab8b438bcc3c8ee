using Microsoft.AspNetCore.Diagnostics;

namespace DailyPapers.Web;

/// <summary>
/// How failures are answered: under <c>/api</c> as a problem document (<see cref="ApiProblem"/>), which an API client parses,
/// and elsewhere by the error page, re-executed for the status code. A page post that names no handler of the page
/// (a forged or stale form) is 405, not a page rendered without its data.
/// </summary>
public static class ErrorAnswers
{
    public static WebApplication UseErrorAnswers(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync })
            .UseStatusCodePages(status => WriteAsync(status.HttpContext, status.HttpContext.Response.StatusCode)));
        app.UseWhen(context => !IsApi(context), pages => pages
            .UseExceptionHandler("/error/500")
            .UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task WriteExceptionAsync(HttpContext context)
    {
        if (StoreUnavailable.Is(context.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            StoreUnavailable.SetRetryAfter(context.Response);
            return ApiProblem.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, StoreUnavailable.Message);
        }

        return WriteAsync(context, StatusCodes.Status500InternalServerError);
    }

    private static Task WriteAsync(HttpContext context, int status)
    {
        var request = context.Request;
        var allowed = context.Response.Headers.Allow.ToString();
        var message = status switch
        {
            StatusCodes.Status404NotFound => $"There is nothing at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed when allowed.Length > 0 => $"{request.Path} accepts {allowed}, not {request.Method}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not accept {request.Method}.",
            StatusCodes.Status401Unauthorized => "Send a personal access token: Authorization: Bearer dp_….",
            StatusCodes.Status403Forbidden => "Your account may not do this.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON (Content-Type: application/json).",
            >= 500 => "Something went wrong on the server; it has been logged. Please try again in a moment.",
            _ => "The request could not be understood.",
        };
        return ApiProblem.WriteAsync(context, status, message);
    }
}
