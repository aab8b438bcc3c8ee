namespace DailyPapers.Web;

/// <summary>
/// What the error page shows for a 400 or 404 that a page decided on: set by the page, read by /error/{code}
/// after the status-code re-execution (both run on the same HttpContext).
/// </summary>
public sealed record ProblemPage(string Title, string Message, IReadOnlyList<(string Text, string Href)> Links)
{
    private const string ItemKey = "DailyPapers.ProblemPage";

    public static Microsoft.AspNetCore.Mvc.StatusCodeResult Show(HttpContext context, int statusCode, string title, string message, params (string Text, string Href)[] links)
    {
        context.Items[ItemKey] = new ProblemPage(title, message, links);
        return new Microsoft.AspNetCore.Mvc.StatusCodeResult(statusCode);
    }

    public static ProblemPage? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as ProblemPage : null;
}
