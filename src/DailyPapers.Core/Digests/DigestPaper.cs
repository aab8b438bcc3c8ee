namespace DailyPapers.Core.Digests;

/// <summary>A paper as a digest shows it. Title and summary may hold TeX; <see cref="GithubRepo"/> is an absolute URL.</summary>
public sealed record DigestPaper(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    string Summary,
    int Votes,
    int Comments,
    string? GithubRepo);
