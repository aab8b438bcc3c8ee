using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>
/// Writes the emails of the digest feature: digests (daily, weekly, alerts) and the double opt-in confirmation.
/// Pure: the outbox, sender and jobs decide when and to whom.
/// </summary>
public static class DigestComposer
{
    public const int MaxSubjectLength = 100;

    // A long alert heading leaves the first title at least this much room.
    private const int MaxHeadingInSubject = 60;

    public static ComposedEmail Compose(DigestContent content, DigestLinks links) => Prepare(content).Personalise(links);

    /// <summary>Does the per-period work once (TeX, truncation, wrapping) for every subscriber of the period.</summary>
    public static DigestTemplate Prepare(DigestContent content)
    {
        var heading = PaperText.SingleLine(content.Heading);
        var papers = content.Papers.Select(PreparedPaper.From).ToList();
        return new DigestTemplate(content, Subject(heading, papers.Count == 0 ? "" : papers[0].Title), heading, What(content), papers);
    }

    /// <inheritdoc cref="ConfirmationEmail.Compose"/>
    public static ComposedEmail Confirmation(string email, Uri confirm, Uri site) => ConfirmationEmail.Compose(email, confirm, site);

    /// <summary>For a subscribe request to an address already subscribed: nothing changed, here are the preferences.</summary>
    public static ComposedEmail AlreadySubscribed(string email, Uri manage, Uri site) => AlreadySubscribedEmail.Compose(email, manage, site);

    /// <summary>"{heading} — {first title}", one line of at most <see cref="MaxSubjectLength"/> characters.</summary>
    private static string Subject(string heading, string firstTitle)
    {
        if (firstTitle.Length == 0)
        {
            return Clip(heading, MaxSubjectLength);
        }

        var shortHeading = Clip(heading, MaxHeadingInSubject);
        return shortHeading + " — " + Clip(firstTitle, MaxSubjectLength - shortHeading.Length - 3);
    }

    private static string What(DigestContent content) => content.Kind switch
    {
        DigestKind.Daily => "the daily digest of trending papers",
        DigestKind.Weekly => "the weekly digest of top papers",
        DigestKind.ForYou => "your “for you” list",
        _ when string.IsNullOrWhiteSpace(content.AlertQuery) => "a saved-search alert",
        _ => $"the alert “{PaperText.SingleLine(content.AlertQuery)}”",
    };

    /// <summary>At most <paramref name="max"/> characters, cut at a word with an ellipsis.</summary>
    private static string Clip(string text, int max) => text.Length <= max ? text : PaperText.Snippet(text, max - 1);

    /// <summary>The site's URL without its final slash, to which paths are appended.</summary>
    internal static string Root(Uri site, string parameter) => Absolute(site, parameter).TrimEnd('/');

    internal static string Absolute(Uri uri, string parameter) =>
        uri.IsAbsoluteUri && uri.Scheme is "https" or "http"
            ? uri.AbsoluteUri
            : throw new ArgumentException($"Links in emails must be absolute http(s) URLs, not '{uri}'.", parameter);
}
