using System.Globalization;
using DailyPapers.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Pages;

/// <summary>The one error page: shows what the page that failed said, or a plain message for the status code.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public IReadOnlyList<(string Text, string Href)> Links { get; private set; } = [];

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    /// <summary>Re-executed for a PUT, DELETE or any other method, the page has no handler: it still shows the error.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 404;
            context.Result = Show(code);
        }
    }

    private PageResult Show(int code)
    {
        // Reached directly (/error/404) rather than by re-execution, the page still answers with its code.
        Code = code is >= 400 and <= 599 ? code : 404;
        if (Code == 500 && StoreUnavailable.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            Code = 503;
            StoreUnavailable.SetRetryAfter(Response);
        }

        var problem = ProblemPage.Of(HttpContext);
        (Title, Message) = problem is not null ? (problem.Title, problem.Message) : Code switch
        {
            400 => ("Bad request", "The address or form had something this site could not understand."),
            403 => ("Not allowed", "Your account cannot see or do this; some pages are for moderators only."),
            404 => ("Not found", "There is nothing at this address."),
            405 => ("Method not allowed", "This address does not accept that kind of request."),
            429 => ("Too many requests", "Please wait a little and try again."),
            503 => ("Try again in a moment", StoreUnavailable.Message),
            _ => ("Something went wrong", "The error has been logged. Please try again in a moment."),
        };
        Links = problem?.Links ?? [("Latest papers", "/")];
        Response.StatusCode = Code;
        return Page();
    }
}
