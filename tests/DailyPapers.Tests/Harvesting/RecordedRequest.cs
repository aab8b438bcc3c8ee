namespace DailyPapers.Tests.Harvesting;

/// <summary>A request as the fake arXiv saw it, with its arrival on the server's clock.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Query, string? UserAgent, TimeSpan ArrivedAt)
{
    public string? this[string name] => Query.TryGetValue(name, out var value) ? value : null;
}
