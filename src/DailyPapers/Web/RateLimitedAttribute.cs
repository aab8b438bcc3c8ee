namespace DailyPapers.Web;

/// <summary>
/// Marks an endpoint (or one Razor Pages handler, by <see cref="Handler"/>) as a community write counted by
/// <see cref="RateLimits"/>: votes, comments or submissions.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RateLimitedAttribute(string action, string? handler = null) : Attribute
{
    public const string Votes = "votes";
    public const string Comments = "comments";
    public const string Submissions = "submissions";
    public const string Subscriptions = "subscriptions";

    public string Action { get; } = action;

    /// <summary>The page handler (<c>?handler=</c>) this applies to; null for the whole endpoint.</summary>
    public string? Handler { get; } = handler;

    /// <summary>The community action a write request counts against, or null (reads are never limited).</summary>
    public static string? Of(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return null;
        }

        var marks = context.GetEndpoint()?.Metadata.GetOrderedMetadata<RateLimitedAttribute>();
        if (marks is null || marks.Count == 0)
        {
            return null;
        }

        var handler = HandlerOf(context);
        return marks.FirstOrDefault(m => m.Handler is null || string.Equals(m.Handler, handler, StringComparison.OrdinalIgnoreCase))?.Action;
    }

    /// <summary>
    /// The handler Razor Pages will run, chosen as it chooses (a route value, else the first <c>?handler=</c>): reading
    /// the query as one string would make <c>?handler=Comment&amp;handler=x</c> "Comment,x", limited by nothing while
    /// the page still runs Comment.
    /// </summary>
    private static string? HandlerOf(HttpContext context) =>
        context.GetRouteValue("handler") is string { Length: > 0 } routed
            ? routed
            : context.Request.Query.TryGetValue("handler", out var values) && values.Count > 0 ? values[0] : null;
}
