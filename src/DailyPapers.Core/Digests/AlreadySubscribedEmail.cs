using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>
/// The answer by email to a subscribe request for an address that is already subscribed: the site says the same to
/// everyone (it must not reveal who subscribes), so the reader learns it here, with the link to their preferences.
/// </summary>
internal static class AlreadySubscribedEmail
{
    public const string Subject = "You are already subscribed to DailyPapers";

    public static ComposedEmail Compose(string email, Uri manage, Uri site) => NoticeEmail.Compose(
        Subject,
        "You are already subscribed",
        $"Someone, probably you, asked DailyPapers ({DigestComposer.Root(site, nameof(site))}/) to subscribe ",
        PaperText.SingleLine(email),
        ", which is already subscribed: nothing has changed.",
        "To choose what you receive, or to unsubscribe, open your preferences:",
        DigestComposer.Absolute(manage, nameof(manage)),
        "Open my preferences",
        "If this was not you, ignore this email.");
}
