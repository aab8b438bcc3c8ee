namespace DailyPapers.Core.Digests;

/// <summary>
/// A paper as a digest shows it. Title and summary may hold TeX; <see cref="GithubRepo"/> is an absolute URL;
/// <see cref="Reason"/> is a "for you" digest's line on why the paper is there ("By Ada Lovelace, whom you follow").
/// </summary>
public sealed record DigestPaper(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    string Summary,
    int Votes,
    int Comments,
    string? GithubRepo,
    string? Reason = null);
