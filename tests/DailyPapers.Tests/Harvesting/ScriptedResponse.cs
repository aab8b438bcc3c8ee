namespace DailyPapers.Tests.Harvesting;

/// <summary>One answer the fake arXiv gives, in the order scripted.</summary>
public sealed record ScriptedResponse(int Status, string Body)
{
    public string ContentType { get; init; } = "text/xml; charset=utf-8";

    public string? RetryAfter { get; init; }

    /// <summary>How long the server waits before answering (to test timeouts and overlapping callers).</summary>
    public TimeSpan Delay { get; init; }

    public static ScriptedResponse Xml(string body) => new(200, body);

    public static ScriptedResponse Error(int status, string? retryAfter = null) =>
        new(status, $"<html><body>{status}</body></html>") { ContentType = "text/html", RetryAfter = retryAfter };
}
