using Microsoft.AspNetCore.WebUtilities;

namespace DailyPapers.Web;

/// <summary>
/// Errors of the JSON API as RFC 9457 problem documents (<c>application/problem+json</c>: type, title, status,
/// detail), which carry the message a second time as <c>error</c>: the member Hugging Face's API answers with and
/// their client prints, so that its users see our message too.
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    public static IResult Result(int status, string message, params (string Name, object? Value)[] extensions) =>
        Results.Json(Document(status, message, extensions), options: null, contentType: ContentType, statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string message, CancellationToken cancellationToken = default)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Document(status, message, []), options: null, contentType: ContentType, cancellationToken: cancellationToken);
    }

    private static Dictionary<string, object?> Document(int status, string message, (string Name, object? Value)[] extensions)
    {
        var document = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = message,
            ["error"] = message,
        };
        foreach (var (name, value) in extensions)
        {
            document[name] = value;
        }

        return document;
    }
}
