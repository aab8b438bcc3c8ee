using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Digests;

/// <summary>The double opt-in message: what was asked, for which address, one link to confirm, and "ignore if not you".</summary>
internal static class ConfirmationEmail
{
    public const string Subject = "Confirm your subscription to DailyPapers";

    /// <summary>
    /// The message asking <paramref name="email"/> to confirm a subscription by opening <paramref name="confirm"/>.
    /// </summary>
    public static ComposedEmail Compose(string email, Uri confirm, Uri site) => NoticeEmail.Compose(
        Subject,
        "Confirm your subscription",
        $"Someone, probably you, asked DailyPapers ({DigestComposer.Root(site, nameof(site))}/) to send emails about new research papers to ",
        PaperText.SingleLine(email),
        ".",
        "To confirm your subscription, open this link:",
        DigestComposer.Absolute(confirm, nameof(confirm)),
        "Confirm my subscription",
        "If this was not you, ignore this email: nothing will be sent to this address unless the link is opened.");
}
